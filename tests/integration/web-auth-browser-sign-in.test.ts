import { describe, expect, it } from "vitest";
import { getCaller } from "@/lib/auth/caller";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import { createLoginChallenge } from "@/lib/services/two-factor/login-challenge";
import { generateTotpCode, generateTotpSecret } from "@/lib/services/two-factor/totp";
import { api, BASE_URL } from "../support/app-client";
import { createUser } from "../support/fixtures";

/**
 * The Auth.js entry as a browser meets it: /api/auth/csrf, then a form POST to a
 * credentials callback, then the session cookie on later requests.
 */
type Jar = Map<string, string>;

function store(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const index = pair.indexOf("=");
    const name = pair.slice(0, index);
    const value = pair.slice(index + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function postForm(jar: Jar, path: string, fields: Record<string, string>) {
  const csrf = await api.get<{ csrfToken: string }>("/api/auth/csrf", { headers: { cookie: cookieHeader(jar) } });
  store(jar, csrf.raw);
  const response = await api.request("POST", path, {
    body: new URLSearchParams({ ...fields, csrfToken: csrf.body.csrfToken }),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" },
  });
  store(jar, response.raw);
  return response;
}

async function signInWithPassword(email: string, password: string, callbackUrl = "/settings/profile") {
  const jar: Jar = new Map();
  const response = await postForm(jar, "/api/auth/callback/password", { email, password, callbackUrl });
  return { jar, response, location: response.headers.get("location") ?? "" };
}

const asBrowser = (jar: Jar) => new Request(`${BASE_URL}/api/me`, { headers: { cookie: cookieHeader(jar) } });

async function enableTwoFactor(userId: string) {
  const secret = generateTotpSecret();
  await prisma.twoFactor.create({ data: { userId, secretEncrypted: encryptSecret(secret), enabledAt: new Date() } });
  return secret;
}

describe("browser sign-in through Auth.js", () => {
  it("opens a BROWSER session row whose id the cookie carries, accepted by the API resolver", async () => {
    const { user, password } = await createUser();
    const { jar, response, location } = await signInWithPassword(user.email, password);
    expect(response.status).toBe(302);
    expect(new URL(location).pathname).toBe("/settings/profile");

    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Plain http (tests, local dev): no Secure flag, or the browser would drop the cookie.
    expect(setCookie).not.toMatch(/;\s*Secure/i);

    const caller = await getCaller(asBrowser(jar));
    expect(caller?.user.id).toBe(user.id);
    expect(caller?.via).toBe("cookie");
    expect(caller?.session).toMatchObject({ kind: "BROWSER", method: "password", deviceLabel: "Chrome/Linux", refreshTokenHash: null });

    const session = await api.get<{ user?: { email: string; id: string } }>("/api/auth/session", { headers: { cookie: cookieHeader(jar) } });
    expect(session.body.user).toMatchObject({ email: user.email, id: user.id });
    expect(await prisma.loginEvent.count({ where: { userId: user.id, success: true } })).toBe(1);
  });

  it("a revoked session's cookie stops working at once, for pages, the API and Auth.js", async () => {
    const { user, password } = await createUser();
    const { jar } = await signInWithPassword(user.email, password);
    const caller = await getCaller(asBrowser(jar));
    await prisma.session.update({ where: { id: caller!.session.id }, data: { revokedAt: new Date() } });

    expect(await getCaller(asBrowser(jar))).toBeNull();
    const me = await api.get("/api/auth/session", { headers: { cookie: cookieHeader(jar) } });
    expect(me.body).toBeNull();
  });

  it("signing out revokes the session row and clears the cookie", async () => {
    const { user, password } = await createUser();
    const { jar } = await signInWithPassword(user.email, password);
    const sessionId = (await getCaller(asBrowser(jar)))!.session.id;
    const copy: Jar = new Map(jar);

    const response = await postForm(jar, "/api/auth/signout", { callbackUrl: "/login?signedOut=1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${BASE_URL}/login?signedOut=1`);
    expect(jar.has("authjs.session-token")).toBe(false);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    // A copy of the old cookie is worthless too.
    expect(await getCaller(asBrowser(copy))).toBeNull();
  });

  it("refuses a wrong password with the API's code and opens no session", async () => {
    const { user } = await createUser();
    const { jar, location } = await signInWithPassword(user.email, "Wrong-passw0rd");
    const url = new URL(location);
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("code")).toBe("INVALID_CREDENTIALS");
    expect(jar.has("authjs.session-token")).toBe(false);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shares the API's lockout: after five failures even the right password is refused", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 5; i++) await signInWithPassword(user.email, `Wrong-passw0rd${i}`);
    const { location, jar } = await signInWithPassword(user.email, password);
    expect(new URL(location).searchParams.get("code")).toBe("ACCOUNT_LOCKED");
    expect(jar.has("authjs.session-token")).toBe(false);
    const api429 = await api.post("/api/auth/login", { email: user.email, password });
    expect(api429.status).toBe(429);
  });

  it("keeps callbackUrl inside the portal", async () => {
    const { user, password } = await createUser();
    for (const target of ["https://evil.example/phish", "//evil.example", "/\\evil.example"]) {
      const { location } = await signInWithPassword(user.email, password, target);
      const url = new URL(location);
      expect(url.origin).toBe(BASE_URL);
      expect(url.pathname).toBe("/settings/profile");
    }
    const { location } = await signInWithPassword(user.email, password, "/settings/security");
    expect(new URL(location).pathname).toBe("/settings/security");
  });
});

describe("browser sign-in with two-factor authentication", () => {
  it("the password step opens no session and asks for the second factor", async () => {
    const { user, password } = await createUser();
    await enableTwoFactor(user.id);
    const { jar, location } = await signInWithPassword(user.email, password);
    expect(new URL(location).searchParams.get("code")).toBe("TWO_FACTOR_REQUIRED");
    expect(jar.has("authjs.session-token")).toBe(false);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the code step opens a BROWSER session; a wrong code keeps the challenge for a retry", async () => {
    const { user } = await createUser();
    const secret = await enableTwoFactor(user.id);
    const tempToken = await createLoginChallenge({ userId: user.id });

    const wrong = new Map() as Jar;
    const refused = await postForm(wrong, "/api/auth/callback/two-factor", { tempToken, code: "000000", callbackUrl: "/settings/security" });
    expect(new URL(refused.headers.get("location")!).searchParams.get("code")).toBe("INVALID_2FA_CODE");
    expect(wrong.has("authjs.session-token")).toBe(false);

    const jar: Jar = new Map();
    const response = await postForm(jar, "/api/auth/callback/two-factor", { tempToken, code: generateTotpCode(secret), callbackUrl: "/settings/security" });
    expect(new URL(response.headers.get("location")!).pathname).toBe("/settings/security");
    const caller = await getCaller(asBrowser(jar));
    expect(caller?.user.id).toBe(user.id);
    expect(caller?.session).toMatchObject({ kind: "BROWSER", method: "password+totp" });

    // The challenge is spent: replaying it, even with a fresh backup of the code, fails.
    const again = await postForm(new Map(), "/api/auth/callback/two-factor", { tempToken, code: generateTotpCode(secret), callbackUrl: "/" });
    expect(new URL(again.headers.get("location")!).searchParams.get("code")).toBe("TWO_FACTOR_CHALLENGE_EXPIRED");
  });

  it("two parallel uses of one challenge open one session", async () => {
    const { user } = await createUser();
    const secret = await enableTwoFactor(user.id);
    const tempToken = await createLoginChallenge({ userId: user.id });
    const code = generateTotpCode(secret);
    const jars: Jar[] = [new Map(), new Map(), new Map()];
    await Promise.all(jars.map((jar) => postForm(jar, "/api/auth/callback/two-factor", { tempToken, code, callbackUrl: "/" })));
    expect(jars.filter((jar) => jar.has("authjs.session-token"))).toHaveLength(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
