import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { readOutbox } from "@/lib/mail/outbox";
import { api } from "../support/app-client";
import { createUser, latestEmail, linkIn, signInApi, tokenIn, uniqueEmail } from "../support/fixtures";

afterEach(() => setClock(undefined));

async function registeredUser() {
  const email = uniqueEmail("verify");
  const res = await api.post<{ data: { tokens: { accessToken: string } } }>("/api/auth/register", { email, password: "SecurePassword123!" });
  expect(res.status).toBe(201);
  return { email, accessToken: res.body.data.tokens.accessToken, token: tokenIn((await latestEmail(email))!) };
}

describe("004 email verification", () => {
  it("POST /api/auth/verify {token} verifies the email once", async () => {
    const { email, token } = await registeredUser();
    const res = await api.post("/api/auth/verify", { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Email vérifié avec succès" });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
    const again = await api.post("/api/auth/verify", { token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ success: false, statusCode: 400, error: "INVALID_OR_EXPIRED_TOKEN" });
  });

  it("POST /api/auth/send-verification sends a new link that replaces the old one", async () => {
    const { email, accessToken, token: first } = await registeredUser();
    const res = await api.post("/api/auth/send-verification", undefined, { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Email de vérification envoyé" });
    const second = tokenIn((await latestEmail(email))!);
    expect(second).not.toBe(first);
    expect((await api.post("/api/auth/verify", { token: first })).status).toBe(400);
    expect((await api.post("/api/auth/verify", { token: second })).status).toBe(200);
    const done = await api.post("/api/auth/send-verification", undefined, { token: accessToken });
    expect(done.status).toBe(409);
    expect(done.body).toMatchObject({ error: "EMAIL_ALREADY_VERIFIED" });
  });

  it("send-verification needs a caller (401)", async () => {
    const res = await api.post("/api/auth/send-verification");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, statusCode: 401, error: "UNAUTHORIZED" });
  });

  it("a token used by 10 concurrent requests succeeds exactly once", async () => {
    const { email, token } = await registeredUser();
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.post("/api/auth/verify", { token })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(9);
    expect(await prisma.auditEvent.count({ where: { type: "EMAIL_VERIFIED", user: { email } } })).toBe(1);
  });

  it("refuses a token after 24 hours (injected clock)", async () => {
    const start = new Date("2032-03-01T12:00:00Z");
    setClock(() => start);
    const { token } = await registeredUser();
    setClock(() => new Date(start.getTime() + 24 * 60 * 60 * 1000 + 1000));
    expect((await api.post("/api/auth/verify", { token })).status).toBe(400);
    setClock(() => new Date(start.getTime() + 23 * 60 * 60 * 1000));
    expect((await api.post("/api/auth/verify", { token })).status).toBe(200);
  });

  it("refuses malformed tokens with 400 and a missing one with details", async () => {
    expect((await api.post("/api/auth/verify", { token: "abc123def456" })).status).toBe(400);
    const missing = await api.post("/api/auth/verify", {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: "VALIDATION_ERROR", details: { token: "Ce champ est requis" } });
  });
});

describe("003 email verification", () => {
  it("GET /api/verification/verify/:token answers 003's user", async () => {
    const { email, token } = await registeredUser();
    const res = await api.get(`/api/verification/verify/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: "Email vérifié avec succès", user: { email, email_verified: true, is_active: true } });
    expect((await api.get(`/api/verification/verify/${token}`)).status).toBe(400);
    expect((await api.get(`/api/verification/verify/${"0".repeat(64)}`)).status).toBe(400);
  });

  it("POST /api/verification/send and /resend answer the same for any address and send only when due", async () => {
    const { user } = await createUser();
    const { user: verified } = await createUser({ emailVerified: new Date() });
    const unknown = uniqueEmail("nobody");
    const answers = [];
    for (const email of [user.email, verified.email, unknown]) {
      const send = await api.post("/api/verification/send", { email });
      expect(send.status).toBe(200);
      answers.push(send.body);
    }
    expect(answers[0]).toEqual({ success: true, message: "Email de vérification envoyé", expiresIn: "24 heures" });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await readOutbox({ to: user.email })).toHaveLength(1);
    expect(await readOutbox({ to: verified.email })).toHaveLength(0);
    expect(await readOutbox({ to: unknown })).toHaveLength(0);

    const first = tokenIn((await latestEmail(user.email))!);
    const resend = await api.post("/api/verification/resend", { email: user.email }, { headers: { "accept-language": "en" } });
    expect(resend.body).toEqual({ success: true, message: "New verification email sent", expiresIn: "24 hours" });
    const message = (await latestEmail(user.email))!;
    expect(message.subject).toBe("Confirm your email address");
    const second = tokenIn(message);
    expect(second).not.toBe(first);
    expect(linkIn(message, "token=")).toBe(`http://localhost:3000/verify-email?token=${second}`);
    expect((await api.get(`/api/verification/verify/${first}`)).status).toBe(400);
    expect((await api.get(`/api/verification/verify/${second}`)).status).toBe(200);
  });

  it("sends the email in English to a user whose locale is English", async () => {
    const { user } = await createUser({ locale: "en" });
    await api.post("/api/verification/send", { email: user.email });
    expect((await latestEmail(user.email))?.subject).toBe("Confirm your email address");
  });

  it("limits the sending endpoints per address (429 with Retry-After)", async () => {
    const { user } = await createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await api.post("/api/verification/resend", { email: user.email })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await api.post("/api/verification/resend", { email: user.email });
    expect(limited.body).toMatchObject({ success: false, statusCode: 429, error: "TOO_MANY_REQUESTS" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a signed-in user's own token still works after the bearer session is revoked (links are independent of sessions)", async () => {
    const { user } = await createUser();
    const { sessionId } = await signInApi(user);
    await api.post("/api/verification/send", { email: user.email });
    await prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect((await api.get(`/api/verification/verify/${tokenIn((await latestEmail(user.email))!)}`)).status).toBe(200);
  });
});
