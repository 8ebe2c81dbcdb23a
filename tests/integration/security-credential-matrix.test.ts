import { describe, expect, it, vi } from "vitest";
import { POLICY, type CallerPolicy, type RoutePolicy } from "@/lib/auth/policy";
import { REAUTH_WINDOW_MS } from "@/lib/services/auth/recent-auth";
import { openApiDocument } from "@/lib/openapi/document";
import type { ApiOperation } from "@/lib/api/define-route";
import { OPERATIONS } from "@/lib/openapi/operations";
import type { ActionPolicy } from "@/lib/actions/define-action";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";
import { api } from "../support/app-client";
import { ageSession, cookieHeaders, oidcAccessToken, personalToken, sessionCookie } from "../support/credentials";
import { createUser, signInApi, uniqueEmail } from "../support/fixtures";
import { fillPath, label } from "./security-helpers";

/**
 * Issue 15, "one place": every documented API operation (taken from the operations, so a
 * route added later is walked too) and every server action (every export of the action
 * modules), with every kind of credential, against the policy each declares. Refused
 * combinations must answer the right 401/403 code, before the body is read (each request
 * carries a body the route would refuse, so a refusal after parsing shows as a 400);
 * allowed ones must not answer any authentication or authorisation code.
 */

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined, toString: () => "" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/auth", () => ({
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  BrowserSignInError: class BrowserSignInError extends Error {},
}));

const AUTH_CODES = new Set(["UNAUTHORIZED", "INVALID_TOKEN", "INSUFFICIENT_SCOPE", "REAUTH_REQUIRED", "CSRF_FAILED"]);
const STALE_MS = REAUTH_WINDOW_MS + 60_000;

type CredentialCase = {
  name: string;
  kind: "none" | "cookie" | "access-token" | "personal-token" | "oauth-token" | "not-a-caller";
  stale?: boolean;
  scopes?: string[];
  /** Request headers for the user's new credential of this kind. */
  make: (userId: string) => Promise<Record<string, string>>;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const CREDENTIALS: CredentialCase[] = [
  { name: "no credential", kind: "none", make: async () => ({}) },
  { name: "cookie, fresh", kind: "cookie", make: async (userId) => cookieHeaders((await sessionCookie(userId)).cookie) },
  {
    name: "cookie, stale sudo",
    kind: "cookie",
    stale: true,
    make: async (userId) => {
      const { cookie, sessionId } = await sessionCookie(userId);
      await ageSession(sessionId, STALE_MS);
      return cookieHeaders(cookie);
    },
  },
  { name: "access token, fresh", kind: "access-token", make: async (userId) => bearer((await signInApi({ id: userId })).accessToken) },
  {
    name: "access token, stale sudo",
    kind: "access-token",
    stale: true,
    make: async (userId) => {
      const { accessToken, sessionId } = await signInApi({ id: userId });
      await ageSession(sessionId, STALE_MS);
      return bearer(accessToken);
    },
  },
  { name: "refresh token as bearer", kind: "not-a-caller", make: async (userId) => bearer((await signInApi({ id: userId })).refreshToken) },
  { name: "2FA temp token as bearer", kind: "not-a-caller", make: async (userId) => bearer(await createLoginChallenge({ userId })) },
  {
    name: "emailed reset token as bearer",
    kind: "not-a-caller",
    make: async (userId) => bearer((await issueOneTimeToken({ purpose: "PASSWORD_RESET", userId, ttlMs: 3_600_000 })).token),
  },
  ...[["profile"], ["email"], ["profile", "email"]].map(
    (scopes): CredentialCase => ({
      name: `personal access token [${scopes.join(" ")}]`,
      kind: "personal-token",
      scopes,
      make: async (userId) => bearer(await personalToken(userId, scopes)),
    }),
  ),
  ...["openid", "openid profile", "openid email", "openid profile email offline_access"].map(
    (scope): CredentialCase => ({
      name: `OIDC token [${scope}]`,
      kind: "oauth-token",
      scopes: scope.split(" "),
      make: async (userId) => bearer((await oidcAccessToken(userId, scope)).token),
    }),
  ),
];

type Outcome = { allowed: true } | { allowed: false; status: 401 | 403; code: string };

/** What the policy says this credential gets on a route, before its body matters. */
function expected(policy: RoutePolicy, credential: CredentialCase): Outcome {
  if (policy.access !== "caller") return { allowed: true };
  if (credential.kind === "none") return { allowed: false, status: 401, code: "UNAUTHORIZED" };
  if (credential.kind === "not-a-caller") return { allowed: false, status: 401, code: "INVALID_TOKEN" };
  const firstParty = credential.kind === "cookie" || credential.kind === "access-token";
  const kindAllowed = policy.kinds.includes(credential.kind) && (policy.sensitivity === "none" || firstParty);
  const scopeHeld = !policy.scope || firstParty || (credential.scopes ?? []).includes(policy.scope);
  if (!kindAllowed || !scopeHeld) return { allowed: false, status: 403, code: "INSUFFICIENT_SCOPE" };
  if (policy.sensitivity === "sudo" && credential.stale) return { allowed: false, status: 403, code: "REAUTH_REQUIRED" };
  return { allowed: true };
}

/** A body every documented JSON body refuses (strict bodies name the field, others miss theirs). */
const REFUSED_BODY = { __credentialMatrix: ["not", "a", "valid", "body"] };

async function callAs(operation: ApiOperation, headers: Record<string, string>, email: string, json: unknown = REFUSED_BODY) {
  const path = fillPath(operation, { email });
  const withBody = operation.method !== "get" && operation.body?.contentType !== "multipart/form-data";
  return api.request(operation.method.toUpperCase(), path, { headers, ...(withBody ? { json } : {}) });
}

function checkOutcome(where: string, outcome: Outcome, res: { status: number; body: unknown; headers: Headers; text: string }, allowedCodes: Set<string> = new Set()) {
  const code = (res.body as { error?: unknown } | undefined)?.error;
  if (outcome.allowed) {
    expect(typeof code === "string" && AUTH_CODES.has(code) && !allowedCodes.has(code), `${where}: allowed, but answered ${res.status} ${res.text.slice(0, 200)}`).toBe(false);
    return;
  }
  expect({ status: res.status, code }, `${where}: ${res.text.slice(0, 200)}`).toEqual({ status: outcome.status, code: outcome.code });
  if (outcome.code === "INSUFFICIENT_SCOPE") expect(res.headers.get("www-authenticate"), where).toMatch(/^Bearer error="insufficient_scope"/);
  if (outcome.status === 401) expect(res.headers.get("www-authenticate"), where).toMatch(/^Bearer /);
}

describe("credential matrix: every API operation with every credential kind", () => {
  it("walks every operation and declares a policy on each", () => {
    expect(OPERATIONS.length).toBeGreaterThan(50);
    for (const operation of OPERATIONS) expect(operation.policy, label(operation)).toBeDefined();
  });

  it.each(OPERATIONS.map((o) => [label(o), o] as const))("%s", async (_name, operation) => {
    for (const credential of CREDENTIALS) {
      const { user } = await createUser();
      const headers = await credential.make(user.id);
      const res = await callAs(operation, headers, user.email);
      const where = `${label(operation)} with ${credential.name}`;
      const outcome = expected(operation.policy, credential);
      if (operation.policy.access === "optional") {
        // A credential only changes what it does; none of the policy's refusals applies.
        expect(["INSUFFICIENT_SCOPE", "REAUTH_REQUIRED", "CSRF_FAILED"], `${where}: ${res.text.slice(0, 200)}`).not.toContain((res.body as { error?: string })?.error);
        continue;
      }
      // A `proof` route whose body may carry no proof asks for the sudo window instead (seed 000's body-less 2FA calls).
      const proofFallback = operation.policy.access === "caller" && operation.policy.sensitivity === "proof" && credential.stale ? new Set(["REAUTH_REQUIRED"]) : undefined;
      checkOutcome(where, outcome, res, proofFallback);
    }
  });
});

describe("credential matrix: sensitive fields", () => {
  const withFields = OPERATIONS.filter((o) => o.policy.access === "caller" && o.policy.sensitiveFields);

  it("finds them (the sign-in email of seed 000's profile update, seed 003's password)", () => {
    expect(withFields.map(label)).toEqual(expect.arrayContaining(["PUT /api/users/profile", "PUT /api/users/profile/{email}"]));
  });

  /** A value each sensitive field would really act on. */
  const VALUES: Record<string, () => Record<string, unknown>> = {
    email: () => ({ email: uniqueEmail("matrix") }),
    currentPassword: () => ({ currentPassword: "Not-the-Passw0rd!", newPassword: "N3w-Passphrase!" }),
    newPassword: () => ({ currentPassword: "Not-the-Passw0rd!", newPassword: "N3w-Passphrase!" }),
  };

  it.each(withFields.map((o) => [label(o), o] as const))("%s", async (_name, operation) => {
    const policy = operation.policy as CallerPolicy;
    for (const [field, sensitivity] of Object.entries(policy.sensitiveFields ?? {})) {
      const value = VALUES[field];
      expect(value, `a test value for the sensitive field ${field}`).toBeDefined();
      for (const credential of CREDENTIALS) {
        const { user } = await createUser();
        const headers = await credential.make(user.id);
        const res = await callAs(operation, headers, user.email, value!());
        const where = `${label(operation)} {${field}} with ${credential.name}`;
        const route = expected(policy, credential);
        const firstParty = credential.kind === "cookie" || credential.kind === "access-token";
        const outcome: Outcome = !route.allowed
          ? route
          : !firstParty
            ? { allowed: false, status: 403, code: "INSUFFICIENT_SCOPE" }
            : sensitivity === "sudo" && credential.stale
              ? { allowed: false, status: 403, code: "REAUTH_REQUIRED" }
              : { allowed: true };
        checkOutcome(where, outcome, res);
      }
    }
  });

  it("declares every `email` a body can carry on a route with a caller as a sudo field", () => {
    const document = openApiDocument() as unknown as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>; components?: { schemas?: Record<string, unknown> } };
    type Node = { $ref?: string; type?: unknown; properties?: Record<string, Node>; anyOf?: Node[]; oneOf?: Node[]; allOf?: Node[] };
    const resolve = (node: Node): Node => (node.$ref ? resolve((document.components?.schemas?.[node.$ref.split("/").pop()!] ?? {}) as Node) : node);
    const variants = (node: Node): Node[] => {
      const resolved = resolve(node);
      const nested = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
      return [resolved, ...nested.flatMap(variants)];
    };
    /** Whether a body may carry an `email` address (a string; the notification preferences' `email` is a channel object). */
    const takesEmail = (schema: Node | undefined) =>
      !!schema && variants(schema).some((n) => n.properties?.email && variants(n.properties.email).some((v) => v.type === "string"));
    for (const operation of OPERATIONS) {
      if (operation.policy.access !== "caller") continue;
      const body = document.paths[operation.path]?.[operation.method]?.requestBody?.content?.["application/json"]?.schema as Node | undefined;
      if (takesEmail(body)) expect(operation.policy.sensitiveFields?.email, `${label(operation)} takes an email`).toBe("sudo");
    }
    expect(takesEmail(document.paths["/api/users/profile"]?.put?.requestBody?.content?.["application/json"]?.schema as Node)).toBe(true);
  });
});

describe("the sensitive operations are the issue's list", () => {
  const sensitive = (o: ApiOperation) => o.policy.access === "caller" && o.policy.sensitivity !== "none";
  it("password, two-factor (on, off, new codes), data export and account deletion are sensitive over the API", () => {
    for (const operation of OPERATIONS) {
      if (operation.policy.access !== "caller") continue;
      const category =
        operation.tags.includes("Password") ||
        (operation.tags.includes("Two-factor authentication") && operation.policy.access === "caller") ||
        /^(deleteAccount|exportAccount)/.test(operation.operationId);
      if (category) expect(sensitive(operation), `${label(operation)} is sensitive`).toBe(true);
    }
    expect(POLICY.sudo.kinds).toEqual(["cookie", "access-token"]);
  });
});

// --- Server actions -------------------------------------------------------------------

// Every server-action file of the app, found by name, so a new one is walked without being listed here.
const ACTION_MODULES = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "/app/**/*-actions.ts"]);

type AnyAction = ((...args: unknown[]) => Promise<unknown>) & { policy?: ActionPolicy };

async function allActions(): Promise<{ name: string; action: AnyAction }[]> {
  const found: { name: string; action: AnyAction }[] = [];
  for (const [path, load] of Object.entries(ACTION_MODULES)) {
    const file = path.replace(/^\/app\//, "").replace(/\/actions\.ts$|\.ts$/, "").replace("/[uid]", "");
    for (const [name, value] of Object.entries(await load())) {
      if (typeof value === "function") found.push({ name: `${file}#${name}`, action: value as AnyAction });
    }
  }
  return found;
}

/** The action's answer, or where its redirect() pointed. */
async function run(action: AnyAction, args: unknown[]): Promise<{ redirect: string | null; value: unknown }> {
  try {
    return { redirect: null, value: await action(...args) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] ?? "", value: undefined };
    throw error;
  }
}

/** Inputs every action refuses (or, for the input-less ones, ignores). */
const REFUSED_INPUT = [{ __credentialMatrix: true }, "__credentialMatrix"];

describe("credential matrix: every server action with every credential kind", () => {
  it("every action declares its policy, and the sensitive ones are the issue's list", async () => {
    const actions = await allActions();
    expect(actions.length).toBeGreaterThan(20);
    for (const { name, action } of actions) {
      expect(action.policy, `${name} declares its policy (defineAction)`).toBeDefined();
      const policy = action.policy!;
      // The account's own settings for how it signs in and who may act for it (the sign-in forms are public).
      const category = name.startsWith("settings/") && /#\w*(Password|TwoFactor|BackupCodes|PersonalToken|OAuthApp|AuthorizedApp|deleteAccount)\w*Action$/i.test(name);
      if (category) expect(policy.access === "user" && policy.sensitivity !== "none", `${name} is sensitive`).toBe(true);
      if (name.endsWith("#updateProfileAction")) expect(policy.access === "user" && policy.sensitiveFields?.email, name).toBe("sudo");
    }
  });

  it("each credential gets what the action's policy says", async () => {
    const failures: string[] = [];
    for (const { name, action } of await allActions()) {
      const policy = action.policy!;
      for (const credential of CREDENTIALS) {
        const { user } = await createUser();
        const headers = await credential.make(user.id);
        requestHeaders = new Headers({ ...headers, "accept-language": "en" });
        const { redirect, value } = await run(action, REFUSED_INPUT);
        const error = (value as { ok?: boolean; error?: string } | undefined)?.error;
        const where = `${name} with ${credential.name}`;
        if (policy.access === "public") {
          if (error === "REAUTH_REQUIRED" || redirect?.startsWith("/login?callbackUrl")) failures.push(`${where}: public, answered ${error ?? redirect}`);
          continue;
        }
        // Server actions are the browser's: only the session cookie is a caller.
        if (credential.kind !== "cookie") {
          if (!redirect?.startsWith("/login?callbackUrl=")) failures.push(`${where}: expected the way to the login page, got ${redirect ?? JSON.stringify(value)}`);
          continue;
        }
        if (redirect?.startsWith("/login")) failures.push(`${where}: a signed-in browser was sent to ${redirect}`);
        const wantsReauth = policy.sensitivity === "sudo" && credential.stale === true;
        if (wantsReauth) {
          expect(value, where).toEqual({ ok: false, error: "REAUTH_REQUIRED", message: "Sign in again to perform this action" });
        } else if (error === "REAUTH_REQUIRED" || error === "INSUFFICIENT_SCOPE") {
          failures.push(`${where}: allowed, but answered ${error}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
