import "server-only";
import { createElement } from "react";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import { isLocale, localize, type Locale } from "@/lib/i18n/locale";
import { PROFILE_EMAILS } from "@/lib/i18n/messages/profile";
import { sendEmail } from "@/lib/mail/send-email";
import { EmailChangedEmail } from "@/lib/mail/templates/email-changed";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertEmailAvailable } from "@/lib/services/profile/request-email-change";
import { consumeOneTimeToken } from "@/lib/services/verification/one-time-token";

/**
 * Completes an email change with the link's token: the new address becomes the sign-in
 * address, verified (the link proved it), and the old address is told. The token works
 * once; an address taken meanwhile by another account is refused with 409.
 */
export async function confirmEmailChange(options: { token: string; locale: Locale; client?: ClientInfo }, db: Db = prisma): Promise<User> {
  const at = now();
  const { user, previousEmail } = await db
    .$transaction(async (tx) => {
      const verification = await consumeOneTimeToken("EMAIL_CHANGE", options.token, tx);
      if (!verification?.userId || !verification.target) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
      const current = await tx.user.findUnique({ where: { id: verification.userId }, select: { email: true } });
      if (!current) throw new AppError("INVALID_OR_EXPIRED_TOKEN");
      await assertEmailAvailable(verification.target, verification.userId, tx);
      const updated = await tx.user.update({
        where: { id: verification.userId },
        data: { email: verification.target, emailVerified: at, updatedAt: at },
      });
      // Links sent to the old address must not verify the new one, and its cancel link has nothing left to cancel.
      await tx.verification.updateMany({
        where: { userId: updated.id, purpose: { in: ["EMAIL_VERIFY", "EMAIL_CHANGE", "EMAIL_CHANGE_CANCEL"] }, usedAt: null },
        data: { usedAt: at },
      });
      await recordAuditEvent(
        { userId: updated.id, type: "EMAIL_CHANGED", client: options.client, metadata: { from: current.email, to: updated.email } },
        tx,
      );
      return { user: updated, previousEmail: current.email };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("EMAIL_ALREADY_EXISTS");
      throw error;
    });
  if (previousEmail !== user.email) {
    const locale = isLocale(user.locale) ? user.locale : options.locale;
    await sendEmail({
      to: previousEmail,
      subject: localize(locale, PROFILE_EMAILS.changedSubject),
      react: createElement(EmailChangedEmail, { locale, newEmail: user.email }),
    });
  }
  return user;
}
