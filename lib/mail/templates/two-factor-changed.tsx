import "server-only";
import { Text } from "@react-email/components";
import { env } from "@/lib/core/env";
import type { Locale } from "@/lib/i18n/locale";
import { EmailLayout, emailText } from "@/lib/mail/templates/email-layout";

export type TwoFactorChange = "enabled" | "disabled" | "backup-codes-regenerated" | "backup-code-used";

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
  "backup-code-used": {
    fr: {
      subject: "Un code de secours a été utilisé",
      heading: "Connexion avec un code de secours",
      body: "Un code de secours vient d'être utilisé pour vous connecter. Si ce n'était pas vous, changez votre mot de passe et renouvelez vos codes de secours dans les paramètres de sécurité.",
    },
    en: {
      subject: "A backup code was used",
      heading: "Sign-in with a backup code",
      body: "A backup code was just used to sign in to your account. If it wasn't you, change your password and renew your backup codes in your security settings.",
    },
  },
};

const REMAINING: Record<Locale, (n: number) => string> = {
  fr: (n) => (n === 0 ? "Il ne vous reste aucun code de secours : renouvelez-les." : `Il vous reste ${n} code${n > 1 ? "s" : ""} de secours.`),
  en: (n) => (n === 0 ? "You have no backup codes left: renew them." : `You have ${n} backup code${n > 1 ? "s" : ""} left.`),
};

/** The security notice sent whenever 2FA is turned on or off, its backup codes change, or one is used. */
export function TwoFactorChangedEmail(props: { change: TwoFactorChange; locale: Locale; backupCodesLeft?: number }) {
  const text = TEXTS[props.change][props.locale];
  return (
    <EmailLayout
      locale={props.locale}
      preview={text.heading}
      heading={text.heading}
      action={{ label: props.locale === "fr" ? "Paramètres de sécurité" : "Security settings", href: `${env().APP_URL}/settings/security` }}
    >
      <Text style={emailText}>{text.body}</Text>
      {props.backupCodesLeft === undefined ? null : <Text style={emailText}>{REMAINING[props.locale](props.backupCodesLeft)}</Text>}
    </EmailLayout>
  );
}

export function twoFactorChangedSubject(change: TwoFactorChange, locale: Locale): string {
  return TEXTS[change][locale].subject;
}
