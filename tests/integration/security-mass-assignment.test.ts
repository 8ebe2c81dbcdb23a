import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { exampleBody, fillPath, label, WRITE_METHODS } from "./security-helpers";
import { OPERATIONS } from "@/lib/openapi/operations";

/**
 * Security suite, mass assignment: every JSON write route (enumerated from the OpenAPI
 * operations) is sent its documented example plus privileged fields it does not document.
 * It must refuse them (400) or ignore them, and the account's privileged columns must be
 * unchanged. A field a route documents (002's `role` text, its counters) is left out for
 * that route only.
 */
const PRIVILEGED: Record<string, unknown> = {
  id: "attacker-id",
  userId: "attacker-id",
  user_id: "attacker-id",
  role: "admin",
  userType: "admin",
  user_type: "admin",
  active: false,
  isActive: false,
  is_active: false,
  isAdmin: true,
  emailVerified: "2000-01-01T00:00:00.000Z",
  email_verified: true,
  isEmailVerified: true,
  passwordHash: "$2b$04$attackerattackerattackerattackerattackerattackera",
  password_hash: "x",
  twoFactorEnabled: true,
  two_factor_enabled: true,
  twoFactorSecret: "JBSWY3DPEHPK3PXP",
  secretEncrypted: "x",
  createdAt: "2000-01-01T00:00:00.000Z",
  created_at: "2000-01-01T00:00:00.000Z",
  conversationsCount: 99999,
  conversations_count: 99999,
  hoursSaved: 99999,
  scopes: ["admin"],
  imageKey: "../../etc/passwd",
};

type JsonSchema = { $ref?: string; properties?: Record<string, unknown>; allOf?: JsonSchema[]; oneOf?: JsonSchema[]; anyOf?: JsonSchema[] };
const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** The body keys an operation documents (following $ref and combinators). */
function documentedKeys(method: string, path: string): Set<string> {
  const keys = new Set<string>();
  const visit = (schema: JsonSchema | undefined, depth = 0) => {
    if (!schema || depth > 6) return;
    if (schema.$ref) visit(document.components?.schemas?.[schema.$ref.split("/").pop()!], depth + 1);
    for (const key of Object.keys(schema.properties ?? {})) keys.add(key);
    for (const sub of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(sub, depth + 1);
  };
  visit(document.paths[path]?.[method]?.requestBody?.content?.["application/json"]?.schema);
  return keys;
}

const JSON_WRITES = OPERATIONS.filter((o) => WRITE_METHODS.has(o.method) && o.body && o.body.contentType !== "multipart/form-data");

async function privilegedState(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true, passwordHash: true, userType: true, active: true, createdAt: true, imageKey: true, image: true, conversationsCount: true, hoursSaved: true, role: true },
  });
  const twoFactor = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  const sessions = await prisma.session.findMany({ where: { userId }, select: { id: true, scopes: true }, orderBy: { id: "asc" } });
  // A pending 2FA set-up (enabledAt null) is what POST /api/auth/2fa/enable {} does: not a privilege.
  return { user, twoFactorEnabledAt: twoFactor?.enabledAt ?? null, sessions };
}

describe("mass assignment: privileged fields are refused or ignored, the database unchanged", () => {
  it("enumerates the JSON write routes", () => {
    expect(JSON_WRITES.length).toBeGreaterThan(20);
  });

  it.each(JSON_WRITES.map((o) => [label(o), o] as const))("%s", async (_name, operation) => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const documented = documentedKeys(operation.method, operation.path);
    const extras = Object.fromEntries(Object.entries(PRIVILEGED).filter(([key]) => !documented.has(key)));
    const example = exampleBody(operation);
    const base = example && typeof example === "object" && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
    const path = fillPath(operation, { email: user.email });
    const before = await privilegedState(user.id);
    const together = await api.request(operation.method.toUpperCase(), path, { token: accessToken, json: { ...base, ...extras } });
    // 503: a social provider without credentials in the test environment.
    if (together.status !== 503) expect(together.status, together.text).toBeLessThan(500);
    const after = await privilegedState(user.id);
    // A login or refresh may open a session of its own; nothing else may change.
    expect({ ...after, sessions: after.sessions.filter((s) => before.sessions.some((b) => b.id === s.id)) }).toEqual(before);
    if (together.status < 300) {
      // Accepted: the route ignores undocumented keys. Each privileged key alone must be ignored too.
      for (const [key, value] of Object.entries(extras)) {
        const alone = await api.request(operation.method.toUpperCase(), path, { token: accessToken, json: { ...base, [key]: value } });
        expect(alone.status, `${key}: ${alone.text}`).toBeLessThan(500);
      }
      const later = await privilegedState(user.id);
      expect(later.user).toEqual(before.user);
    } else {
      expect(together.status).toBeGreaterThanOrEqual(400);
    }
  });

  it("profile updates of every dialect refuse privileged fields by name (400 VALIDATION_ERROR naming the field)", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    for (const [method, path] of [["PUT", "/api/users/profile"], ["PATCH", "/api/auth/me"], ["PUT", `/api/users/profile/${encodeURIComponent(user.email)}`]] as const) {
      for (const key of ["emailVerified", "passwordHash", "twoFactorEnabled", "userType", "active", "id"]) {
        const res = await api.request(method, path, { token: accessToken, json: { [key]: PRIVILEGED[key] } });
        expect(res.status, `${method} ${path} ${key}`).toBe(400);
        expect(res.body, `${method} ${path} ${key}`).toMatchObject({ error: "VALIDATION_ERROR", details: { [key]: expect.any(String) } });
      }
    }
  });
});
