import { Text } from "@react-email/components";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locale";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

export type TwoFactorChange = "enabled" | "disabled" | "backup-codes-regenerated";

const TEXTS: Record<TwoFactorChange, Record<Locale, { subject: string; heading: string; body: string }>> = {
  enabled: {
    fr: {
      subject: "Authentification à deux facteurs activée",
      heading: "La double authentification est activée",
      body: "Votre compte demande désormais un code de votre application d'authentification à chaque connexion. Gardez vos codes de secours en lieu sûr : ils vous permettent de vous connecter si vous perdez votre téléphone.",
    },
    en: {
      subject: "Two-factor authentication turned on",
      heading: "Two-factor authentication is on",
      body: "Your account now asks for a code from your authenticator app at every sign-in. Keep your backup codes somewhere safe: they let you sign in if you lose your phone.",
    },
  },
  disabled: {
    fr: {
      subject: "Authentification à deux facteurs désactivée",
      heading: "La double authentification est désactivée",
      body: "Votre compte ne demande plus de code à la connexion, et vos codes de secours ont été supprimés. Nous vous conseillons de la réactiver dans les paramètres de sécurité.",
    },
    en: {
      subject: "Two-factor authentication turned off",
      heading: "Two-factor authentication is off",
      body: "Your account no longer asks for a code at sign-in, and your backup codes were deleted. We recommend turning it back on in your security settings.",
    },
  },
  "backup-codes-regenerated": {
    fr: {
      subject: "Nouveaux codes de secours",
      heading: "Vos codes de secours ont été renouvelés",
      body: "De nouveaux codes de secours ont été générés pour votre compte. Les anciens ne fonctionnent plus.",
    },
    en: {
      subject: "New backup codes",
      heading: "Your backup codes were renewed",
      body: "New backup codes were generated for your account. The old ones no longer work.",
    },
  },
};

/** The security notice sent whenever 2FA is turned on or off or its backup codes change. */
export function TwoFactorChangedEmail(props: { change: TwoFactorChange; locale: Locale }) {
  const text = TEXTS[props.change][props.locale];
  return (
    <EmailLayout
      locale={props.locale}
      preview={text.heading}
      heading={text.heading}
      action={{ label: props.locale === "fr" ? "Paramètres de sécurité" : "Security settings", href: `${env().APP_URL}/settings/security` }}
    >
      <Text style={emailText}>{text.body}</Text>
    </EmailLayout>
  );
}

export function twoFactorChangedSubject(change: TwoFactorChange, locale: Locale): string {
  return TEXTS[change][locale].subject;
}
