import "server-only";
import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { Resend } from "resend";
import { env } from "@/lib/core/env";
import { describeError, logger } from "@/lib/core/logger";
import { writeToOutbox } from "@/lib/mail/outbox";

/**
 * Security mail (verification, reset, password changed, 2FA changes) is always sent;
 * optional categories are subject to the user's notification preferences.
 */
export type MailCategory = "security" | "marketingEmails" | "weeklyReports";

export type Email = {
  to: string;
  subject: string;
  react: ReactElement;
  category?: MailCategory;
  /**
   * The recipient's email switches (their notification preferences), which decide optional
   * mail: the calling service reads them (lib/services/notifications/send-notification-email.ts).
   * Absent, as for someone without an account, optional mail goes out.
   */
  switches?: Partial<Record<Exclude<MailCategory, "security">, boolean>>;
};

let resend: Resend | undefined;

/** Security mail always goes out; an optional category only when the recipient's switch is on. */
function recipientWants(email: Email): boolean {
  const category = email.category ?? "security";
  if (category === "security") return true;
  return email.switches?.[category] ?? true;
}

/** The provider's answer, or a rejection after `ms` (Resend's client has no timeout of its own). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Mail provider did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Renders the React template to HTML and text, then sends it with Resend when
 * RESEND_API_KEY is set, otherwise writes it to the local outbox. Failure to deliver is
 * logged and reported as false, never thrown: a mail outage must not undo a sign-up. The
 * provider gets MAIL_TIMEOUT_MS to answer.
 */
export async function sendEmail(email: Email): Promise<boolean> {
  if (!recipientWants(email)) {
    logger.info("Email skipped: the recipient opted out of this category", { category: email.category });
    return false;
  }
  const [html, text] = await Promise.all([render(email.react), render(email.react, { plainText: true })]);
  const { RESEND_API_KEY, MAIL_FROM } = env();
  try {
    if (RESEND_API_KEY) {
      resend ??= new Resend(RESEND_API_KEY);
      const { error } = await withTimeout(
        resend.emails.send({ from: MAIL_FROM, to: email.to, subject: email.subject, html, text }),
        env().MAIL_TIMEOUT_MS,
      );
      if (error) throw new Error(`${error.name}: ${error.message}`);
    } else {
      await writeToOutbox({ to: email.to, subject: email.subject, html, text, createdAt: new Date().toISOString() });
    }
    return true;
  } catch (error) {
    logger.error("Email could not be sent", { subject: email.subject, ...describeError(error) });
    return false;
  }
}
