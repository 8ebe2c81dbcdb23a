import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { createPersonalToken, MAX_LIVE_PERSONAL_TOKENS } from "@/lib/services/personal-tokens/create-personal-token";
import { listPersonalTokens } from "@/lib/services/personal-tokens/list-personal-tokens";
import { revokePersonalToken } from "@/lib/services/personal-tokens/revoke-personal-token";
import { verifyPersonalAccessToken } from "@/lib/services/personal-tokens/verify-personal-token";
import { api } from "../support/app-client";
import { createUser } from "../support/fixtures";

/** Creating tokens and apps needs a verified address (issue 15): every account here has one. */
const VERIFIED = { emailVerified: new Date() };

const DAY = 24 * 3600 * 1000;

afterEach(() => setClock(undefined));

async function newToken(userId: string, options: { scopes?: string[]; expiresInDays?: number | null } = {}) {
  return createPersonalToken({ userId, name: "CI script", scopes: options.scopes ?? ["profile"], expiresInDays: options.expiresInDays === undefined ? 30 : options.expiresInDays });
}

describe("personal access token creation", () => {
  it("answers the token once and stores only its sha256 and a short prefix", async () => {
    const { user } = await createUser(VERIFIED);
    const { token, record } = await newToken(user.id, { scopes: ["profile", "email"] });
    expect(token).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(record).not.toHaveProperty("tokenHash");
    const row = await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    expect(row.scopes).toEqual(["profile", "email"]);
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(30 * DAY);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "PERSONAL_TOKEN_CREATED" } })).toBe(1);
  });

  it("refuses the account scope, unknown scopes, no scope and lifetimes not offered", async () => {
    const { user } = await createUser(VERIFIED);
    for (const scopes of [["account"], ["profile", "account"], ["admin"], []]) {
      await expect(newToken(user.id, { scopes })).rejects.toMatchObject({ code: "PERSONAL_TOKEN_INVALID_SCOPE", status: 400 });
    }
    for (const expiresInDays of [0, 1, 31, 3650, -7]) {
      await expect(newToken(user.id, { expiresInDays })).rejects.toMatchObject({ code: "PERSONAL_TOKEN_INVALID_EXPIRY", status: 400 });
    }
    const { record } = await newToken(user.id, { expiresInDays: null });
    expect(record.expiresAt).toBeNull();
    expect(await prisma.personalAccessToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it(`keeps at most ${MAX_LIVE_PERSONAL_TOKENS} live tokens; revoked ones do not count`, async () => {
    const { user } = await createUser(VERIFIED);
    await prisma.personalAccessToken.createMany({
      data: Array.from({ length: MAX_LIVE_PERSONAL_TOKENS }, (_, i) => ({ userId: user.id, name: `t${i}`, tokenHash: sha256Hex(`${user.id}-${i}`), prefix: "pat_x", scopes: ["profile"] })),
    });
    await expect(newToken(user.id)).rejects.toMatchObject({ code: "PERSONAL_TOKEN_LIMIT", status: 409 });
    const one = await prisma.personalAccessToken.findFirstOrThrow({ where: { userId: user.id } });
    await revokePersonalToken({ userId: user.id, tokenId: one.id });
    await expect(newToken(user.id)).resolves.toMatchObject({ record: { status: "active" } });
  });
});

describe("verifyPersonalAccessToken", () => {
  it("answers the owner and scopes of a live token and records its use at most once a minute", async () => {
    const { user } = await createUser(VERIFIED);
    const { token, record } = await newToken(user.id, { scopes: ["email"] });
    const start = new Date();
    setClock(() => start);
    const verified = await verifyPersonalAccessToken(token);
    expect(verified).toMatchObject({ user: { id: user.id }, scopes: ["email"], tokenId: record.id });
    expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(start);

    setClock(() => new Date(start.getTime() + 30_000));
    await verifyPersonalAccessToken(token);
    expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(start);

    const later = new Date(start.getTime() + 61_000);
    setClock(() => later);
    await verifyPersonalAccessToken(token);
    expect((await prisma.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(later);
  });

  it("refuses an unknown or altered token", async () => {
    const { user } = await createUser(VERIFIED);
    const { token } = await newToken(user.id);
    expect(await verifyPersonalAccessToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await verifyPersonalAccessToken(token.slice(4))).toBeNull();
    expect(await verifyPersonalAccessToken("pat_")).toBeNull();
  });

  it("refuses an expired token (moved clock)", async () => {
    const { user } = await createUser(VERIFIED);
    const { token } = await newToken(user.id, { expiresInDays: 7 });
    setClock(() => new Date(Date.now() + 7 * DAY - 60_000));
    expect(await verifyPersonalAccessToken(token)).not.toBeNull();
    setClock(() => new Date(Date.now() + 7 * DAY + 60_000));
    expect(await verifyPersonalAccessToken(token)).toBeNull();
    expect((await listPersonalTokens({ userId: user.id }))[0]?.status).toBe("expired");
  });

  it("refuses a revoked token and a deactivated owner's token", async () => {
    const { user } = await createUser(VERIFIED);
    const { token, record } = await newToken(user.id);
    await revokePersonalToken({ userId: user.id, tokenId: record.id });
    expect(await verifyPersonalAccessToken(token)).toBeNull();
    expect((await listPersonalTokens({ userId: user.id }))[0]?.status).toBe("revoked");

    const { user: inactive } = await createUser(VERIFIED);
    const { token: other } = await newToken(inactive.id);
    expect(await verifyPersonalAccessToken(other)).not.toBeNull();
    await prisma.user.update({ where: { id: inactive.id }, data: { active: false } });
    expect(await verifyPersonalAccessToken(other)).toBeNull();
  });
});

describe("personal access tokens are their owner's alone", () => {
  it("another person neither lists nor revokes them: 404 as an unknown id", async () => {
    const { user: alice } = await createUser(VERIFIED);
    const { user: bob } = await createUser(VERIFIED);
    const { token, record } = await newToken(alice.id);
    expect(await listPersonalTokens({ userId: bob.id })).toEqual([]);
    expect((await listPersonalTokens({ userId: alice.id })).map((t) => t.id)).toEqual([record.id]);
    for (const tokenId of [record.id, "unknown-token-id"]) {
      await expect(revokePersonalToken({ userId: bob.id, tokenId })).rejects.toMatchObject({ code: "PERSONAL_TOKEN_NOT_FOUND", status: 404 });
    }
    expect(await verifyPersonalAccessToken(token)).not.toBeNull();
    // Revoking twice is harmless for the owner.
    await revokePersonalToken({ userId: alice.id, tokenId: record.id });
    await revokePersonalToken({ userId: alice.id, tokenId: record.id });
    expect(await prisma.auditEvent.count({ where: { userId: alice.id, type: "PERSONAL_TOKEN_REVOKED" } })).toBe(1);
  });
});

// These go through the caller resolver (lib/auth/caller.ts), which accepts `pat_` tokens.
describe("a personal access token on seed 001's /api/auth/userinfo", () => {
  it("a live token with profile gets 200 and the owner's claims", async () => {
    const { user } = await createUser(VERIFIED);
    const { token } = await newToken(user.id, { scopes: ["profile"] });
    const res = await api.get("/api/auth/userinfo", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sub: user.id });
  });

  it("a token without profile gets 403 insufficient_scope", async () => {
    const { user } = await createUser(VERIFIED);
    const { token } = await newToken(user.id, { scopes: ["email"] });
    const res = await api.get("/api/auth/userinfo", { token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: "INSUFFICIENT_SCOPE" });
    expect(res.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
  });

  it("an expired or revoked token gets 401", async () => {
    const { user } = await createUser(VERIFIED);
    const { token: expiring } = await newToken(user.id, { expiresInDays: 7 });
    const { token: revoked, record } = await newToken(user.id, { expiresInDays: null });
    await revokePersonalToken({ userId: user.id, tokenId: record.id });
    expect((await api.get("/api/auth/userinfo", { token: revoked })).status).toBe(401);
    setClock(() => new Date(Date.now() + 8 * DAY));
    const res = await api.get("/api/auth/userinfo", { token: expiring });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });
});
