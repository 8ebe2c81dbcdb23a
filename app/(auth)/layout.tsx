import { KeyRoundIcon } from "@/components/icons/key-round";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { getLocale } from "@/lib/auth/locale";
import { commonText } from "@/lib/i18n/ui/common";

/** Sign-in, sign-up and email-link pages: one centred card on a quiet background. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const text = commonText[locale];
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <p className="flex items-center gap-2 text-sm font-semibold tracking-tight">
          <span className="inline-flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <KeyRoundIcon className="size-4" />
          </span>
          {text.productName}
        </p>
        <ThemeToggle labels={text.theme} />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-[420px]">{children}</div>
      </main>
    </div>
  );
}
