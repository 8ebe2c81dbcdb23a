import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { prisma } from "@/lib/db/client";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, signInApi, uniqueEmail } from "../support/fixtures";

/**
 * Faults: the mail provider (Resend) and the blob store (Vercel Blob) pointed at a local
 * stub that answers 500 or never answers. Every request ends within its time limit with a
 * clear answer, and nothing is half-saved. (PostgreSQL restarts: scripts/fault-postgres-restart.mjs.)
 */
type Mode = "fail" | "hang";
let mode: Mode = "fail";
let hits = 0;
let server: Server;
const saved = { ...process.env };
const MAIL_TIMEOUT_MS = 1500;
const STORAGE_TIMEOUT_MS = 1500;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits += 1;
    request.resume();
    if (mode === "hang") return; // never answers
    response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ name: "internal_server_error", message: "stub failure", statusCode: 500 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    RESEND_API_KEY: "re_stub_key",
    RESEND_BASE_URL: base,
    BLOB_READ_WRITE_TOKEN: "vercel_blob_rw_stubstore_secret",
    VERCEL_BLOB_API_URL: base,
    VERCEL_BLOB_RETRIES: "0",
    MAIL_TIMEOUT_MS: String(MAIL_TIMEOUT_MS),
    STORAGE_TIMEOUT_MS: String(STORAGE_TIMEOUT_MS),
  });
  resetEnv();
});

afterAll(async () => {
  for (const key of ["RESEND_API_KEY", "RESEND_BASE_URL", "BLOB_READ_WRITE_TOKEN", "VERCEL_BLOB_API_URL", "VERCEL_BLOB_RETRIES", "MAIL_TIMEOUT_MS", "STORAGE_TIMEOUT_MS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnv();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - start) };
}

const png = () => sharp({ create: { width: 64, height: 64, channels: 3, background: "#3366ff" } }).png().toBuffer();

function avatarForm(bytes: Buffer): FormData {
  const data = new FormData();
  data.append("avatar", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "me.png");
  return data;
}

describe.each(["fail", "hang"] as const)("blob store that %ss", (which) => {
  it("an avatar upload answers 503 in the envelope within the time limit, the user's picture unchanged", async () => {
    mode = which;
    const { user } = await createUser({ image: "https://example.com/before.png" });
    const { accessToken } = await signInApi(user);
    const before = hits;
    const { value: res, ms } = await timed(() => api.request("POST", "/api/users/profile/avatar", { token: accessToken, body: avatarForm(Buffer.alloc(0)) }));
    // (an empty file is refused before the store: check the real path below)
    expect(res.status).toBe(400);
    const upload = await timed(async () => api.request("POST", "/api/users/profile/avatar", { token: accessToken, body: avatarForm(await png()) }));
    console.log(`FAULT blob ${which}: upload answered ${upload.value.status} in ${upload.ms} ms (limit ${STORAGE_TIMEOUT_MS} ms); empty file ${res.status} in ${ms} ms`);
    expect(upload.value.status).toBe(503);
    expect(upload.value.body).toMatchObject({ success: false, statusCode: 503, error: "SERVICE_UNAVAILABLE" });
    expect(upload.ms).toBeLessThan(STORAGE_TIMEOUT_MS + 5000);
    expect(hits).toBeGreaterThan(before);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect({ image: row.image, imageKey: row.imageKey }).toEqual({ image: "https://example.com/before.png", imageKey: null });
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "AVATAR_UPDATED" } })).toBe(0);
  });
});

describe.each(["fail", "hang"] as const)("mail provider that %ss", (which) => {
  it("registration still answers (201) within the time limit, with a consistent account that can ask for a new link", async () => {
    mode = which;
    const email = uniqueEmail("mail-fault");
    const before = hits;
    const { value: res, ms } = await timed(() => api.post<{ emailSent?: boolean }>("/api/users/register", { email, password: "SecurePassword123!", confirmPassword: "SecurePassword123!", name: "Mail Fault" }));
    console.log(`FAULT mail ${which}: 003 register answered ${res.status} in ${ms} ms (limit ${MAIL_TIMEOUT_MS} ms), emailSent=${String(res.body.emailSent)}`);
    expect(res.status).toBe(201);
    // The 003 client is told the mail did not go out, so it can offer to send it again.
    expect(res.body.emailSent).toBe(false);
    expect(ms).toBeLessThan(MAIL_TIMEOUT_MS + 5000);
    expect(hits).toBeGreaterThan(before);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).toBeNull();
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "USER_REGISTERED" } })).toBe(1);
    // Asking again answers the documented way (the link is re-sent when the provider is back).
    const again = await timed(() => api.post("/api/verification/resend", { email }));
    expect(again.value.status).toBeLessThan(500);
    expect(again.ms).toBeLessThan(MAIL_TIMEOUT_MS + 5000);
  });

  it("forgot-password answers as usual (200, same body) without waiting on the provider", async () => {
    mode = which;
    const { user } = await createUser();
    const { value: res, ms } = await timed(() => api.post("/api/auth/forgot-password", { email: user.email }));
    console.log(`FAULT mail ${which}: forgot-password answered ${res.status} in ${ms} ms`);
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(MAIL_TIMEOUT_MS + 5000);
  });
});

describe("database faults are told apart from bugs", () => {
  it("recognises unreachable, restarting and saturated databases (503), not other errors (500)", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
  });
});
