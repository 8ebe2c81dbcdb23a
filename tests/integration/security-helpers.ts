import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/core/env";
import type { User } from "@/lib/generated/prisma/client";
import { OPERATIONS } from "@/lib/openapi/operations";
import type { ApiOperation } from "@/lib/api/define-route";
import { createSession } from "@/lib/services/sessions/create-session";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";

/**
 * Shared by the security suite: every route comes from the OpenAPI operations (which
 * tests/unit/openapi-coverage.test.ts keeps equal to app/api/**\/route.ts), so a route
 * added later is covered by these tests without editing them.
 */
export const PROTECTED_OPERATIONS = OPERATIONS.filter((o) => o.policy.access !== "public");
export const WRITE_METHODS = new Set(["post", "put", "patch", "delete"]);

/** An Auth.js browser session cookie for the user, as a password sign-in in the portal sets it. */
export async function browserCookie(user: Pick<User, "id">, options: { secure?: boolean } = {}): Promise<{ cookie: string; sessionId: string }> {
  const { session } = await createSession({ userId: user.id, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(options.secure ?? false);
  const value = await encode({ token: { sub: user.id, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
  return { cookie: `${name}=${value}`, sessionId: session.id };
}

/** The operation's path with its parameters filled (the caller's email, given ids, else an example or a dummy). */
export function fillPath(operation: ApiOperation, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? exampleParam(operation, name) ?? "x"));
}

function exampleParam(operation: ApiOperation, name: string): string | undefined {
  const schema = operation.params?.path?.shape[name] as { meta?: () => { example?: unknown } | undefined } | undefined;
  const example = schema?.meta?.()?.example;
  return typeof example === "string" ? example : undefined;
}

/** The first documented example body of a JSON operation (what the contract test sends). */
export function exampleBody(operation: ApiOperation): unknown {
  if (!operation.body || operation.body.contentType === "multipart/form-data") return undefined;
  return Object.values(operation.body.examples)[0]?.value;
}

export const label = (o: ApiOperation) => `${o.method.toUpperCase()} ${o.path}`;

/** Key names an answer must never carry: hashes, encrypted secrets, passwords, provider tokens. */
export const FORBIDDEN_KEY =
  /^(password|passwordHash|password_hash|hashedPassword|hashed_password|secretEncrypted|secret_encrypted|twoFactorSecret|two_factor_secret|codeHash|code_hash|tokenHash|token_hash|refreshTokenHash|refresh_token_hash|accessTokenEncrypted|refreshTokenEncrypted|clientSecretEncrypted|imageKey)$/i;

/** Every forbidden key (with its JSON path) found in a body. */
export function forbiddenKeys(body: unknown, path = "$"): string[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => forbiddenKeys(item, `${path}[${i}]`));
  if (!body || typeof body !== "object") return [];
  return Object.entries(body).flatMap(([key, value]) => [...(FORBIDDEN_KEY.test(key) ? [`${path}.${key}`] : []), ...forbiddenKeys(value, `${path}.${key}`)]);
}

/** The stored secrets of the accounts with these emails: none may appear in any answer. */
export async function storedSecretsOf(emails: string[]): Promise<string[]> {
  const { prisma } = await import("@/lib/db/client");
  const users = await prisma.user.findMany({
    where: { email: { in: emails } },
    select: {
      passwordHash: true,
      twoFactor: { select: { secretEncrypted: true } },
      backupCodes: { select: { codeHash: true } },
      sessions: { select: { refreshTokenHash: true } },
      verifications: { select: { tokenHash: true } },
      integrations: { select: { accessTokenEncrypted: true, refreshTokenEncrypted: true } },
    },
  });
  return users
    .flatMap((u) => [
      u.passwordHash,
      u.twoFactor?.secretEncrypted,
      ...u.backupCodes.map((c) => c.codeHash),
      ...u.sessions.map((s) => s.refreshTokenHash),
      ...u.verifications.map((v) => v.tokenHash),
      ...u.integrations.flatMap((i) => [i.accessTokenEncrypted, i.refreshTokenEncrypted]),
    ])
    .filter((v): v is string => typeof v === "string" && v.length >= 16);
}
