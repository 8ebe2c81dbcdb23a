import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/core/env";
import { api } from "../support/app-client";
import { uniqueEmail } from "../support/fixtures";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "accept-language": "en" }) }));

const { default: OutboxPage } = await import("@/app/dev/outbox/page");

const VERCEL_VARS = { VERCEL: "1", DATABASE_URL: "postgres://u@db.example.com/p", RESEND_API_KEY: "re_test", BLOB_READ_WRITE_TOKEN: "blob_test" };

const saved = Object.fromEntries(Object.keys(VERCEL_VARS).map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
});

describe("the development outbox page", () => {
  it("lists sent messages newest first with recipient, time and clickable links", async () => {
    const email = uniqueEmail("outbox");
    await api.post("/api/auth/register", { email, password: "SecurePassword123!" });
    await api.post("/api/auth/forgot-password", { email });
    const html = renderToStaticMarkup(await OutboxPage());
    expect(html).toContain("Outbox (development)");
    const reset = html.indexOf("Réinitialisez votre mot de passe");
    const verify = html.indexOf("Confirmez votre adresse email");
    expect(reset).toBeGreaterThan(-1);
    expect(verify).toBeGreaterThan(reset);
    expect(html).toContain(email);
    expect(html).toMatch(/<a [^>]*href="http:\/\/localhost:3000\/reset-password\?token=[0-9a-f]{64}"/);
    expect(html).toMatch(/<time dateTime="\d{4}-\d\d-\d\dT/i);
  });

  it("is not served by a production build unless MAIL_OUTBOX_PAGE asks for it", async () => {
    const nodeEnv = process.env.NODE_ENV;
    const env = process.env as Record<string, string | undefined>;
    env.NODE_ENV = "production";
    resetEnv();
    try {
      await expect(OutboxPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
      env.MAIL_OUTBOX_PAGE = "true";
      resetEnv();
      expect(renderToStaticMarkup(await OutboxPage())).toContain("Outbox (development)");
    } finally {
      env.NODE_ENV = nodeEnv;
      delete env.MAIL_OUTBOX_PAGE;
      resetEnv();
    }
  });

  it("is not served on Vercel", async () => {
    Object.assign(process.env, VERCEL_VARS);
    resetEnv();
    await expect(OutboxPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
