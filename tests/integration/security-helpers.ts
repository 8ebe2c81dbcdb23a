import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import type { User } from "@/lib/generated/prisma/client";
import { OPERATIONS } from "@/lib/openapi/operations";
import type { ApiOperation } from "@/lib/openapi/operation";
import { createSession } from "@/lib/services/sessions/create-session";
import { UNKNOWN_CLIENT } from "@/lib/api/client-info";

/**
 * Shared by the security suite: every route comes from the OpenAPI operations (which
 * tests/unit/openapi-coverage.test.ts keeps equal to app/api/**\/route.ts), so a route
 * added later is covered by these tests without editing them.
 */
export const PROTECTED_OPERATIONS = OPERATIONS.filter((o) => o.auth !== "public");
export const WRITE_METHODS = new Set(["post", "put", "patch", "delete"]);

/** An Auth.js browser session cookie for the user, as a password sign-in in the portal sets it. */
export async function browserCookie(user: Pick<User, "id">): Promise<{ cookie: string; sessionId: string }> {
  const { session } = await createSession({ userId: user.id, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(false);
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
