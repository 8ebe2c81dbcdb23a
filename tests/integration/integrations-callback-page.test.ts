import { encode } from "next-auth/jwt";
import type { OAuth2Server } from "oauth2-mock-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { prisma } from "@/lib/db/client";
import { env, resetEnv } from "@/lib/core/env";
import { createSession } from "@/lib/services/sessions/create-session";
import { startIntegration } from "@/lib/services/integrations/start-integration";
import { createUser } from "../support/fixtures";
import { startOAuthServer } from "../support/oauth-server";

/**
 * The browser end of an integration: the provider redirects to
 * /settings/integrations/callback, a server component. Next's request APIs are replaced by
 * a request whose cookie is a real Auth.js session cookie; everything else is real.
 */
const request = vi.hoisted(() => ({ cookie: "" }));

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: request.cookie, "user-agent": "Mozilla/5.0 Chrome/130" }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

const { default: CallbackPage } = await import("@/app/settings/integrations/callback/page");

let oauth: { server: OAuth2Server; url: string; stop: () => Promise<void> };

beforeAll(async () => {
  oauth = await startOAuthServer();
  Object.assign(process.env, {
    INTEGRATION_CALENDAR_CLIENT_ID: "calendar-client",
    INTEGRATION_CALENDAR_CLIENT_SECRET: "calendar-secret",
    INTEGRATION_CALENDAR_AUTHORIZE_URL: `${oauth.url}/authorize`,
    INTEGRATION_CALENDAR_TOKEN_URL: `${oauth.url}/token`,
  });
  resetEnv();
});

afterAll(async () => {
  for (const key of ["CLIENT_ID", "CLIENT_SECRET", "AUTHORIZE_URL", "TOKEN_URL"]) delete process.env[`INTEGRATION_CALENDAR_${key}`];
  resetEnv();
  await oauth.stop();
});

async function browserSignIn(userId: string) {
  const { session } = await createSession({ userId, kind: "BROWSER", method: "password", client: UNKNOWN_CLIENT });
  const name = sessionCookieName(false);
  request.cookie = `${name}=${await encode({ token: { sub: userId, sid: session.id }, secret: env().AUTH_SECRET, salt: name })}`;
}

async function visit(params: Record<string, string>): Promise<string> {
  try {
    await CallbackPage({ searchParams: Promise.resolve(params) });
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
  throw new Error("the page did not redirect");
}

async function consent(userId: string): Promise<{ code: string; state: string }> {
  const { authUrl } = await startIntegration({ userId, integrationId: "calendar" });
  const response = await fetch(authUrl, { redirect: "manual" });
  const back = new URL(response.headers.get("location")!);
  return { code: back.searchParams.get("code")!, state: back.searchParams.get("state")! };
}

describe("/settings/integrations/callback", () => {
  it("connects the integration and returns to the settings page", async () => {
    const { user } = await createUser();
    await browserSignIn(user.id);
    expect(await visit(await consent(user.id))).toBe("/settings/integrations?connected=calendar");
    const row = await prisma.integrationConnection.findUniqueOrThrow({ where: { userId_integrationId: { userId: user.id, integrationId: "calendar" } } });
    expect(row.accessTokenEncrypted).toMatch(/^v2\./);
  });

  it("shows the refusal when consent was denied or the state is not the user's", async () => {
    const { user } = await createUser();
    const other = await createUser();
    await browserSignIn(user.id);
    const { state } = await consent(user.id);
    expect(await visit({ state, error: "access_denied" })).toBe("/settings/integrations?error=OAUTH_ACCESS_DENIED");
    expect(await visit(await consent(other.user.id))).toBe("/settings/integrations?error=INVALID_STATE");
    expect(await visit({ code: "x" })).toBe("/settings/integrations?error=INVALID_STATE");
    expect(await prisma.integrationConnection.count({ where: { userId: { in: [user.id, other.user.id] } } })).toBe(0);
  });

  it("sends a signed-out browser to sign in and back with the same code and state", async () => {
    request.cookie = "";
    const url = await visit({ code: "abc", state: "f".repeat(64) });
    expect(url).toMatch(/^\/login\?callbackUrl=/);
    const back = decodeURIComponent(url.split("callbackUrl=")[1]!);
    expect(back).toBe(`/settings/integrations/callback?code=abc&state=${"f".repeat(64)}`);
  });
});
