import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaller } from "@/lib/auth/caller";
import { prisma } from "@/lib/db/client";
import { env, resetEnv } from "@/lib/core/env";
import { createUser } from "../support/fixtures";
import { browserCookie } from "./security-helpers";

/**
 * Security suite, cookies: with an https APP_URL (production), the Auth.js session cookie
 * is `__Secure-` prefixed, HttpOnly, Secure, SameSite=Lax, Path=/, and its CSRF cookie
 * `__Host-`; a sign-in always sets a new session cookie naming a new Session row, whatever
 * cookie the browser already held (no session fixation).
 */
const ORIGIN = "https://portal.example";
const saved = { APP_URL: process.env.APP_URL, AUTH_URL: process.env.AUTH_URL };

beforeAll(() => {
  process.env.APP_URL = ORIGIN;
  process.env.AUTH_URL = ORIGIN;
  resetEnv();
});
afterAll(() => {
  process.env.APP_URL = saved.APP_URL;
  if (saved.AUTH_URL === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved.AUTH_URL;
  resetEnv();
});

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function store(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const index = pair.indexOf("=");
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}

async function authjs(method: "GET" | "POST", path: string, jar: Jar, body?: URLSearchParams): Promise<Response> {
  const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
  const request = new NextRequest(`${ORIGIN}${path}`, {
    method,
    body,
    headers: {
      cookie: cookieHeader(jar),
      origin: ORIGIN,
      ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
  });
  const response = await (method === "GET" ? GET : POST)(request);
  store(jar, response);
  return response;
}

async function signIn(jar: Jar, email: string, password: string) {
  const csrf = await authjs("GET", "/api/auth/csrf", jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await authjs("POST", "/api/auth/callback/password", jar, new URLSearchParams({ email, password, csrfToken, callbackUrl: "/settings/profile" }));
  return { csrf, response };
}

const SESSION = "__Secure-authjs.session-token";

describe("session cookies in production (https APP_URL)", () => {
  it("sets a __Secure- session cookie: HttpOnly, Secure, SameSite=Lax, Path=/; the CSRF cookie is __Host-", async () => {
    expect(env().APP_URL).toBe(ORIGIN);
    const { user, password } = await createUser();
    const jar: Jar = new Map();
    const { csrf, response } = await signIn(jar, user.email, password);
    const csrfCookie = csrf.headers.getSetCookie().find((c) => /authjs\.csrf-token=/.test(c));
    expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(csrfCookie).toMatch(/;\s*HttpOnly/i);
    expect(csrfCookie).toMatch(/;\s*Secure/i);
    expect(csrfCookie).toMatch(/;\s*SameSite=Lax/i);

    expect(response.status).toBe(302);
    const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    expect(session, response.headers.getSetCookie().join("\n")).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\/(;|$)/i);
    expect(session).not.toMatch(/;\s*Domain=/i);
    // No unprefixed copy that a sub-domain or plain-http page could overwrite.
    expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);

    const caller = await getCaller(new Request(`${ORIGIN}/api/me`, { headers: { cookie: `${SESSION}=${jar.get(SESSION)}` } }));
    expect(caller?.user.id).toBe(user.id);
    expect(caller?.via).toBe("cookie");
  });

  it("changes the session cookie at sign-in: a planted or previous cookie is replaced by one naming a new session", async () => {
    const attacker = await createUser();
    const victim = await createUser();
    // The attacker plants a valid cookie of their own session (https name) in the victim's browser.
    const planted = await browserCookie(attacker.user, { secure: true });
    const plantedValue = planted.cookie.split("=").slice(1).join("=");
    const jar: Jar = new Map([[SESSION, plantedValue]]);
    const { response } = await signIn(jar, victim.user.email, victim.password);
    expect(response.status).toBe(302);
    const first = jar.get(SESSION)!;
    expect(first).not.toBe(plantedValue);
    const firstSid = ((await decode({ token: first, secret: env().AUTH_SECRET, salt: SESSION })) as { sid?: string }).sid!;
    expect(firstSid).not.toBe(planted.sessionId);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: firstSid } })).userId).toBe(victim.user.id);

    // Signing in again over a live session: again a new cookie and a new row.
    await signIn(jar, victim.user.email, victim.password);
    const second = jar.get(SESSION)!;
    expect(second).not.toBe(first);
    const secondSid = ((await decode({ token: second, secret: env().AUTH_SECRET, salt: SESSION })) as { sid?: string }).sid!;
    expect(secondSid).not.toBe(firstSid);
    expect(new Set([planted.sessionId, firstSid, secondSid]).size).toBe(3);
  });
});

/**
 * Issue 15, item 11: over https only the `__Secure-` cookie counts. A plain-http page of a
 * sibling sub-domain, or a network attacker answering one http request, can set an
 * unprefixed `authjs.session-token` (browsers refuse to let them set a `__Secure-` one);
 * accepted over https, it would sign the victim into the attacker's session.
 */
describe("which session cookie name is accepted (item 11)", () => {
  const PLAIN = "authjs.session-token";
  const cookieValue = (cookie: string) => cookie.split("=").slice(1).join("=");
  const callerFor = (url: string, cookie: string) => getCaller(new Request(url, { headers: { cookie } }));

  it("over https (https APP_URL) refuses the unprefixed cookie, even one encrypted with the real secret", async () => {
    const { user } = await createUser();
    const plain = await browserCookie(user, { secure: false });
    expect(plain.cookie.startsWith(`${PLAIN}=`)).toBe(true);
    expect(await callerFor(`${ORIGIN}/api/me`, plain.cookie)).toBeNull();
    // Sent beside a valid __Secure- cookie of another session, it changes nothing either.
    const secure = await browserCookie(user, { secure: true });
    const both = await callerFor(`${ORIGIN}/api/me`, `${plain.cookie}; ${secure.cookie}`);
    expect(both?.session.id).toBe(secure.sessionId);
  });

  it("over http accepts only the plain cookie; an https request is https whatever APP_URL says", async () => {
    process.env.APP_URL = "http://localhost:3000";
    resetEnv();
    try {
      const { user } = await createUser();
      const plain = await browserCookie(user, { secure: false });
      const secure = await browserCookie(user, { secure: true });
      expect((await callerFor("http://localhost:3000/api/me", plain.cookie))?.session.id).toBe(plain.sessionId);
      expect(await callerFor("http://localhost:3000/api/me", secure.cookie)).toBeNull();
      expect(await callerFor("https://localhost:3000/api/me", plain.cookie)).toBeNull();
      expect((await callerFor("https://localhost:3000/api/me", secure.cookie))?.session.id).toBe(secure.sessionId);
      expect(cookieValue(plain.cookie)).not.toBe(cookieValue(secure.cookie));
    } finally {
      process.env.APP_URL = ORIGIN;
      resetEnv();
    }
  });
});
