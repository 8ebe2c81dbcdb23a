import "server-only";
import { prisma } from "@/lib/db/client";
import { sendEmail, type Email } from "@/lib/mail/send-email";
import { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";

/**
 * Mail to a user in any category: security mail goes out as it is; optional mail carries the
 * recipient's email switches, read here from their notification preferences (their account by
 * `userId`, else by address; none found, it goes out), and lib/mail skips it when the switch is off.
 */
export async function sendNotificationEmail(email: Omit<Email, "switches"> & { userId?: string }): Promise<boolean> {
  const { userId: knownUserId, ...mail } = email;
  if ((mail.category ?? "security") === "security") return sendEmail(mail);
  const userId = knownUserId ?? (await prisma.user.findUnique({ where: { email: mail.to.toLowerCase() }, select: { id: true } }))?.id;
  if (!userId) return sendEmail(mail);
  return sendEmail({ ...mail, switches: (await getNotificationPreferences(userId)).email });
}
