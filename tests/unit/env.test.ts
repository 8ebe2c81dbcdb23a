import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("runs with no variables at all (embedded database, local outbox)", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.BCRYPT_COST).toBe(10);
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("names each invalid variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://nope", BCRYPT_COST: "99", APP_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
      expect(message).toMatch(/BCRYPT_COST/);
      expect(message).toMatch(/APP_URL/);
    }
  });

  it("refuses to fall back to local disk on Vercel", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow(/DATABASE_URL is required on Vercel[\s\S]*RESEND_API_KEY[\s\S]*BLOB_READ_WRITE_TOKEN/);
    expect(() =>
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", RESEND_API_KEY: "re_x", BLOB_READ_WRITE_TOKEN: "t" }),
    ).not.toThrow();
  });
});
