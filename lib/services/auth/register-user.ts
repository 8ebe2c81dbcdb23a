import "server-only";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { hashPassword } from "@/lib/core/password";
import { now } from "@/lib/core/clock";
import { prisma, type Db } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { Prisma, type Session, type User } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordLoginAttempt } from "@/lib/services/auth/login-lockout";
import { sendVerificationEmail } from "@/lib/services/auth/send-verification-email";
import { enforceEmailRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { createSession, type IssuedTokens } from "@/lib/services/sessions/create-session";

/**
 * First and last names make the display name "first last"; a name alone is split at its first
 * space (docs/contracts/settings-app.md and mobile.md, "Rules shared with other clients").
 */
export function namesOf(input: { name?: string; firstName?: string; lastName?: string }) {
  const firstName = input.firstName?.trim() || undefined;
  const lastName = input.lastName?.trim() || undefined;
  if (firstName || lastName) return { firstName: firstName ?? null, lastName: lastName ?? null, name: [firstName, lastName].filter(Boolean).join(" ") };
  const name = input.name?.trim().replace(/\s+/g, " ") || undefined;
  if (!name) return { firstName: null, lastName: null, name: null };
  const space = name.indexOf(" ");
  return space < 0
    ? { firstName: name, lastName: null, name }
    : { firstName: name.slice(0, space), lastName: name.slice(space + 1), name };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates an account with a password and emails the verification link. With `signIn`, an
 * API session is opened at once (002 and 004 answer tokens), unless the deployment requires
 * a verified email before any sign-in. 409 EMAIL_ALREADY_EXISTS for a taken address, even
 * when two sign-ups race.
 */
export async function registerUser(
  options: {
    email: string;
    password: string;
    name?: string;
    firstName?: string;
    lastName?: string;
    client: ClientInfo;
    locale: Locale;
    signIn?: boolean;
  },
  db: Db = prisma,
): Promise<{ user: User; emailSent: boolean; session: Session | null; tokens: IssuedTokens | null }> {
  const email = options.email.trim().toLowerCase();
  await enforceEmailRateLimit({ action: "register", ipAddress: options.client.ipAddress }, db);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("EMAIL_ALREADY_EXISTS");
  const passwordHash = await hashPassword(options.password);
  const at = now();
  const openSession = Boolean(options.signIn) && !env().AUTH_REQUIRE_VERIFIED_EMAIL;
  let created: { user: User; session: Session | null; tokens: IssuedTokens | null };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, passwordHash, ...namesOf(options), locale: options.locale, lastPasswordChange: at, createdAt: at },
      });
      await recordAuditEvent({ userId: user.id, type: "USER_REGISTERED", client: options.client }, tx);
      if (!openSession) return { user, session: null, tokens: null };
      const { session, tokens } = await createSession({ userId: user.id, kind: "API", method: "password", client: options.client }, tx);
      await recordLoginAttempt({ email, userId: user.id, success: true, method: "register", client: options.client }, tx);
      return { user: await tx.user.findUniqueOrThrow({ where: { id: user.id } }), session, tokens };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_ALREADY_EXISTS");
    throw error;
  }
  const emailSent = await sendVerificationEmail({ userId: created.user.id, locale: options.locale });
  return { ...created, emailSent };
}
