import { UNKNOWN_CLIENT, type ClientInfo } from "@/lib/core/client-info";
import { hashPassword } from "@/lib/core/password";
import { prisma } from "@/lib/db/client";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { readOutbox, type OutboxMessage } from "@/lib/mail/outbox";
import { createSession } from "@/lib/services/sessions/create-session";

let counter = 0;

/** A unique address per call, so tests sharing a PostgreSQL database never collide. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.com`;
}

export const DEFAULT_PASSWORD = "Str0ng-Passphrase!";

/** A user straight in the database (bcrypt cost from the test env: fast). */
export async function createUser(
  overrides: Partial<Prisma.UserCreateInput> & { password?: string | null } = {},
): Promise<{ user: User; password: string }> {
  const { password = DEFAULT_PASSWORD, ...data } = overrides;
  const user = await prisma.user.create({
    data: {
      email: uniqueEmail(),
      name: "Test User",
      firstName: "Test",
      lastName: "User",
      ...data,
      passwordHash: password ? await hashPassword(password) : null,
    },
  });
  return { user, password: password ?? "" };
}

/** An API session for the user, as a login would open it: bearer and refresh tokens. */
export async function signInApi(user: Pick<User, "id">, options: { scopes?: string[]; client?: ClientInfo } = {}) {
  const { session, tokens } = await createSession({
    userId: user.id,
    kind: "API",
    method: "password",
    client: options.client ?? UNKNOWN_CLIENT,
    scopes: options.scopes,
  });
  return { sessionId: session.id, accessToken: tokens!.accessToken, refreshToken: tokens!.refreshToken };
}

/** The newest email sent to the address, from the local outbox. */
export async function latestEmail(to: string): Promise<OutboxMessage | undefined> {
  return (await readOutbox({ to }))[0];
}

/** The first link in an email's text that contains `fragment` (e.g. "token="). */
export function linkIn(message: OutboxMessage, fragment: string): string {
  const link = message.text.match(/https?:\/\/[^\s)\]]+/g)?.find((l) => l.includes(fragment));
  if (!link) throw new Error(`No link with ${fragment} in "${message.subject}"`);
  return link;
}

/** The 64-hex token of an emailed link. */
export function tokenIn(message: OutboxMessage): string {
  const token = /[?&/]token=([0-9a-f]{64})|\/([0-9a-f]{64})(?:\b|$)/.exec(message.text);
  const value = token?.[1] ?? token?.[2];
  if (!value) throw new Error(`No token in "${message.subject}"`);
  return value;
}
