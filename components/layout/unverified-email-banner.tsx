import { ResendVerificationButton } from "@/components/auth/resend-verification-button";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/action-result";
import type { LayoutText } from "@/lib/i18n/ui/layout";

/** Asks a user whose address is unproven to verify it, with a resend button. */
export function UnverifiedEmailBanner({ email, text, resend }: { email: string; text: LayoutText; resend: () => Promise<ActionResult> }) {
  return (
    <Alert
      tone="warning"
      title={text.unverifiedTitle}
      action={<ResendVerificationButton variant="outline" size="sm" resend={resend} labels={{ resend: text.resend, resent: text.resent }} />}
    >
      {text.unverifiedBody.replace("{email}", email)}
    </Alert>
  );
}
