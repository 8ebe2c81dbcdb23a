import { resendVerificationAction, signOutAction, socialSignInAction } from "@/app/(auth)/actions";
import { reauthenticateAction } from "@/app/settings/sudo/actions";
import { SettingsNav } from "@/components/layout/settings-nav";
import { UnverifiedEmailBanner } from "@/components/layout/unverified-email-banner";
import { UserMenu } from "@/components/layout/user-menu";
import { SudoProvider } from "@/components/settings/sudo/sudo-provider";
import { KeyRoundIcon } from "@/components/icons/key-round";
import { NavLink } from "@/components/ui/nav-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { reauthWindowMs } from "@/lib/services/auth/recent-auth";
import { requireUser } from "@/lib/auth/require-user";
import { getLocale } from "@/lib/auth/locale";
import { commonText } from "@/lib/i18n/ui/common";
import { developerText } from "@/lib/i18n/ui/developer";
import { layoutText } from "@/lib/i18n/ui/layout";
import { getReauthMethods } from "@/lib/services/auth/get-reauth-methods";

/**
 * The settings shell: header with the account menu (sign-out), section navigation (sidebar
 * on desktop, tabs on phones), the unverified-email banner, and sudo mode (SudoProvider:
 * the "Confirm it's you" dialog of sensitive actions). Each page still calls
 * requireUser itself: a layout is not re-rendered on every navigation.
 */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireUser();
  const locale = await getLocale();
  const text = layoutText[locale];
  const common = commonText[locale];
  // What the sudo dialog offers (password, 2FA code, signing in again), known before it is needed.
  const reauthMethods = await getReauthMethods(user);
  const navLabels = { mainNav: text.mainNav, profile: text.profile, security: text.security, notifications: text.notifications, integrations: text.integrations, developer: developerText[locale].navLabel };

  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-40 border-b border-border bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
          <NavLink href="/settings/profile" className="flex items-center gap-2 rounded-md text-sm font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
            <span className="inline-flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
              <KeyRoundIcon className="size-4" />
            </span>
            <span className="hidden min-[380px]:inline">{common.productName}</span>
          </NavLink>
          <div className="flex items-center gap-2">
            <ThemeToggle labels={common.theme} />
            <UserMenu
              user={{ name: user.name, email: user.email, image: user.image }}
              labels={{ userMenu: text.userMenu, signedInAs: text.signedInAs, signOut: text.signOut, signingOut: text.signingOut }}
              signOut={signOutAction}
            />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 md:hidden">
          <SettingsNav labels={navLabels} layout="tabs" />
        </div>
      </header>
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-6 sm:px-6 md:grid-cols-[13rem_1fr] md:py-10">
        <aside className="hidden md:block">
          <div className="sticky top-24 grid gap-6">
            <p className="px-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{text.settings}</p>
            <SettingsNav labels={navLabels} layout="sidebar" />
          </div>
        </aside>
        <main id="main" className="grid min-w-0 content-start gap-6">
          {user.emailVerified ? null : <UnverifiedEmailBanner email={user.email} text={text} resend={resendVerificationAction} />}
          <SudoProvider
            locale={locale}
            email={user.email}
            methods={reauthMethods}
            windowSeconds={reauthWindowMs() / 1000}
            reauthenticate={reauthenticateAction}
            signInAgain={socialSignInAction}
          >
            {children}
          </SudoProvider>
        </main>
      </div>
    </div>
  );
}
