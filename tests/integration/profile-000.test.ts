import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, latestEmail, signInApi, tokenIn, uniqueEmail } from "../support/fixtures";

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user } = await createUser(overrides);
  const { accessToken, sessionId } = await signInApi(user);
  return { user, token: accessToken, sessionId };
}

describe("seed 000 GET /api/users/profile", () => {
  it("answers the complete profile with preferences, integrations and login history embedded", async () => {
    const { user, token } = await signedIn({ jobTitle: "Recruteur Senior", company: "Acme Inc", phone: "+33612345678" });
    await prisma.twoFactor.create({ data: { userId: user.id, secretEncrypted: "x", enabledAt: new Date() } });
    await prisma.integrationConnection.create({
      data: { userId: user.id, integrationId: "calendar", accessTokenEncrypted: "x", connectedAt: new Date("2023-02-10T14:22:00Z") },
    });
    await prisma.loginEvent.createMany({
      data: [
        { userId: user.id, email: user.email, success: true, deviceLabel: "Firefox/Windows", location: "Paris, France", createdAt: new Date("2023-03-18T16:42:00Z") },
        { userId: user.id, email: user.email, success: false, deviceLabel: "Chrome/Windows", location: "Paris, France", createdAt: new Date("2023-03-20T09:15:00Z") },
      ],
    });

    const res = await api.get("/api/users/profile", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: user.id,
      first_name: "Test",
      last_name: "User",
      email: user.email,
      job_title: "Recruteur Senior",
      company: "Acme Inc",
      phone: "+33612345678",
      avatar_url: null,
      last_password_change: null,
      two_factor_enabled: true,
      two_factor_method: "app",
      notification_preferences: {
        email: { newMessages: true, interviewReminders: true, weeklyReports: true, marketingEmails: false },
        push: { newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: true },
        desktop: { newMessages: true, interviewReminders: true, candidateUpdates: false, teamNotifications: true },
      },
      login_history: [
        { timestamp: "2023-03-20T09:15:00.000Z", device: "Chrome/Windows", location: "Paris, France", status: "failed" },
        { timestamp: "2023-03-18T16:42:00.000Z", device: "Firefox/Windows", location: "Paris, France", status: "success" },
      ],
    });
    const integrations = res.body.integrations as { id: string; connected: boolean; connected_at: string | null }[];
    expect(integrations).toContainEqual({ id: "calendar", connected: true, connected_at: "2023-02-10T14:22:00.000Z" });
    expect(integrations).toContainEqual({ id: "slack", connected: false, connected_at: null });
    expect(Object.keys(integrations[0]!).sort()).toEqual(["connected", "connected_at", "id"]);
    expect(res.body).not.toHaveProperty("passwordHash");
  });

  it("answers 401 in the error envelope without a token", async () => {
    const res = await api.get("/api/users/profile");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, statusCode: 401, error: "UNAUTHORIZED" });
  });
});

describe("seed 000 PUT /api/users/profile", () => {
  it("updates the documented fields and answers the updated profile", async () => {
    const { token } = await signedIn();
    const res = await api.put(
      "/api/users/profile",
      { first_name: "Jean", last_name: "Dupont", job_title: "CTO", company: "Acme", phone: "+33 6 12 34 56 78" },
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ first_name: "Jean", last_name: "Dupont", job_title: "CTO", company: "Acme", phone: "+33 6 12 34 56 78" });
    expect(res.body).toHaveProperty("notification_preferences");
    const again = await api.get("/api/users/profile", { token });
    expect(again.body).toMatchObject({ first_name: "Jean", last_name: "Dupont" });
    // First and last name set the display name (docs/contracts/settings-app.md, "Rules shared with other clients").
    const row = await prisma.user.findFirstOrThrow({ where: { firstName: "Jean", lastName: "Dupont" } });
    expect(row.name).toBe("Jean Dupont");
  });

  it("refuses privileged or unknown fields by name, and changes nothing", async () => {
    const { user, token } = await signedIn();
    for (const body of [
      { first_name: "X", id: "other" },
      { two_factor_enabled: true },
      { emailVerified: "2024-01-01T00:00:00Z" },
      { passwordHash: "$2a$10$abc" },
      { userType: "admin" },
      { role: "admin" },
      { avatar_url: "https://evil.example/x.png" },
    ]) {
      const res = await api.put("/api/users/profile", body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
      const field = Object.keys(body).find((k) => k !== "first_name")!;
      expect((res.body.details as Record<string, string>)[field]).toBe("Champ non autorisé");
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ firstName: "Test", emailVerified: null, userType: "user", role: null, image: null });
  });

  it("validates field formats with localised messages", async () => {
    const { token } = await signedIn();
    const fr = await api.put("/api/users/profile", { phone: "call me", email: "not-an-email", job_title: "x".repeat(500) }, { token });
    expect(fr.status).toBe(400);
    expect(fr.body.details).toMatchObject({ phone: "Numéro de téléphone invalide", email: "Format d'email invalide", job_title: "Texte trop long" });
    const en = await api.put("/api/users/profile", { phone: "12" }, { token, headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(en.body).toMatchObject({ message: "Invalid data", details: { phone: "Invalid phone number" } });
    const notJson = await api.request("PUT", "/api/users/profile", { token, body: "{oops", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
  });
});

describe("seed 000 email change", () => {
  it("keeps the old address until the new one is confirmed by link, and tells the old one", async () => {
    const { user, token } = await signedIn({ emailVerified: new Date() });
    const newEmail = uniqueEmail("new");
    const res = await api.put("/api/users/profile", { email: newEmail.toUpperCase() }, { token });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(user.email);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const notice = await latestEmail(user.email);
    expect(notice?.text).toContain(newEmail);
    const link = await latestEmail(newEmail);
    expect(link).toBeDefined();
    const token64 = tokenIn(link!);

    // The link opens a confirmation page (now the portal's own, where the API's GET sends
    // browsers); following it changes nothing (mail scanners follow links).
    const page = await api.get(`/api/users/profile/email/confirm?token=${token64}`);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toContain(`/confirm-email-change?token=${token64}`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const confirm = await api.post("/api/users/profile/email/confirm", { token: token64 });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({ success: true, email: newEmail });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).not.toBeNull();
    expect((await latestEmail(user.email))?.text).toContain(newEmail);

    const replay = await api.post("/api/users/profile/email/confirm", { token: token64 });
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "INVALID_OR_EXPIRED_TOKEN" });
  });

  it("confirms through the page's form and sends the browser to sign-in", async () => {
    const { user, token } = await signedIn();
    const newEmail = uniqueEmail("form");
    await api.put("/api/users/profile", { email: newEmail }, { token });
    const token64 = tokenIn((await latestEmail(newEmail))!);
    const res = await api.request("POST", "/api/users/profile/email/confirm", {
      body: new URLSearchParams({ token: token64 }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/login?emailChanged=1");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
  });

  it("refuses an address another account uses, at request and at confirmation", async () => {
    const { token } = await signedIn();
    const { user: other } = await createUser();
    const taken = await api.put("/api/users/profile", { email: other.email, first_name: "Changed" }, { token });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: "EMAIL_ALREADY_EXISTS" });
    expect((await api.get("/api/users/profile", { token })).body.first_name).toBe("Test");

    const wanted = uniqueEmail("race");
    await api.put("/api/users/profile", { email: wanted }, { token });
    const token64 = tokenIn((await latestEmail(wanted))!);
    await createUser({ email: wanted });
    const res = await api.post("/api/users/profile/email/confirm", { token: token64 });
    expect(res.status).toBe(409);
  });

  it("limits how often one address can be sent change links (429 with Retry-After)", async () => {
    const { token } = await signedIn();
    const target = uniqueEmail("spam");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api.put("/api/users/profile", { email: target }, { token })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const last = await api.put("/api/users/profile", { email: target }, { token });
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("lets only the newest link work", async () => {
    const { token } = await signedIn();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await api.put("/api/users/profile", { email: first }, { token });
    await api.put("/api/users/profile", { email: second }, { token });
    const stale = await api.post("/api/users/profile/email/confirm", { token: tokenIn((await latestEmail(first))!) });
    expect(stale.status).toBe(400);
    const fresh = await api.post("/api/users/profile/email/confirm", { token: tokenIn((await latestEmail(second))!) });
    expect(fresh.status).toBe(200);
  });
});

describe("seed 000 PUT /api/users/profile/password", () => {
  it("changes the password, answers last_password_change and signs out the other sessions", async () => {
    const { user, token } = await signedIn();
    const other = await signInApi(user);
    const res = await api.put("/api/users/profile/password", { current_password: DEFAULT_PASSWORD, new_password: "N3w-Passphrase!x" }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: "Mot de passe modifié avec succès" });
    expect(new Date(res.body.last_password_change as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await api.get("/api/users/profile", { token })).status).toBe(200);
    expect((await api.get("/api/users/profile", { token: other.accessToken })).status).toBe(401);
  });

  it("refuses a wrong current password (401) and a weak new one (400)", async () => {
    const { token } = await signedIn();
    const wrong = await api.put("/api/users/profile/password", { current_password: "nope", new_password: "N3w-Passphrase!x" }, { token });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "INVALID_PASSWORD" });
    const weak = await api.put("/api/users/profile/password", { current_password: DEFAULT_PASSWORD, new_password: "short" }, { token });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toHaveProperty("new_password");
  });
});

describe("seed 000 GET /api/users/profile/login-history", () => {
  it("lists the caller's sign-ins newest first, and no one else's", async () => {
    const { user, token } = await signedIn();
    const { user: stranger } = await createUser();
    const base = Date.parse("2024-05-01T10:00:00Z");
    await prisma.loginEvent.createMany({
      data: [
        ...Array.from({ length: 3 }, (_, i) => ({
          userId: user.id,
          email: user.email,
          success: i !== 1,
          deviceLabel: "Chrome/macOS",
          location: null,
          createdAt: new Date(base + i * 60_000),
        })),
        { userId: stranger.id, email: stranger.email, success: true, createdAt: new Date(base) },
      ],
    });
    const res = await api.get<{ timestamp: string; status: string; device: string | null; location: string | null }[]>(
      "/api/users/profile/login-history",
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.map((e) => [e.timestamp, e.status])).toEqual([
      ["2024-05-01T10:02:00.000Z", "success"],
      ["2024-05-01T10:01:00.000Z", "failed"],
      ["2024-05-01T10:00:00.000Z", "success"],
    ]);
    expect(res.body[0]).toEqual({ timestamp: "2024-05-01T10:02:00.000Z", device: "Chrome/macOS", location: null, status: "success" });
    const limited = await api.get<unknown[]>("/api/users/profile/login-history?limit=1", { token });
    expect(limited.body).toHaveLength(1);
    expect((await api.get("/api/users/profile/login-history?limit=0", { token })).status).toBe(400);
  });
});
