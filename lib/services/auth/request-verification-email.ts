import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { prisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { afterResponse } from "@/lib/services/auth/after-response";
import { sendVerificationEmail } from "@/lib/services/auth/send-verification-email";
import { enforceEmailRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/**
 * 003's anonymous `POST /verification/send` and `/verification/resend {email}`: sends a link
 * when the address belongs to an unverified account, and does nothing otherwise. The caller
 * gets the same answer either way, and in the same time: only the rate limits run before the
 * answer, the lookup and the mail after it (afterResponse).
 */
export async function requestVerificationEmail(options: { email: string; locale: Locale; client: ClientInfo; action: string }): Promise<void> {
  const email = options.email.trim().toLowerCase();
  await enforceEmailRateLimit({ action: options.action, ipAddress: options.client.ipAddress, email });
  await afterResponse(async () => {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, active: true } });
    if (!user || user.emailVerified || !user.active) return;
    await sendVerificationEmail({ userId: user.id, locale: options.locale });
  });
}
