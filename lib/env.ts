import { z } from "zod";

/**
 * Every environment variable the portal reads, validated once. Defaults make a fresh
 * clone run with no `.env`; on Vercel (`VERCEL=1`) the ones that would otherwise fall back
 * to local disk (PGlite, outbox, avatars) become mandatory.
 */
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalUrl = z.url().optional().or(z.literal("").transform(() => undefined));

/** A JWKS whose keys are all private signing keys (RSA, EC or OKP) with a kid. */
function isPrivateJwks(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== "object" || !Array.isArray((parsed as { keys?: unknown }).keys)) return false;
    const keys = (parsed as { keys: unknown[] }).keys;
    return (
      keys.length > 0 &&
      keys.every((key) => {
        if (!key || typeof key !== "object") return false;
        const jwk = key as Record<string, unknown>;
        return ["RSA", "EC", "OKP"].includes(String(jwk.kty)) && typeof jwk.d === "string" && typeof jwk.kid === "string";
      })
    );
  } catch {
    return false;
  }
}

const DEV_SECRET = "dev-only-secret-change-me-in-production-0123456789";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    VERCEL: bool,
    APP_URL: z.url().default("http://localhost:3000"),
    APP_NAME: z.string().min(1).default("Account Portal"),
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
        message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded PGlite database)",
      }),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/=_-]{43,}$/, "must be 32 random bytes, base64 (openssl rand -base64 32)")
      .optional(),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
    // Sudo mode: how long a sign-in or re-authentication allows sensitive changes (lib/auth/recent-auth.ts).
    REAUTH_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    AUTH_REQUIRE_VERIFIED_EMAIL: bool,
    AUTH_TRUST_HOST: bool,
    RESEND_API_KEY: z.string().optional(),
    MAIL_FROM: z.string().default("Account Portal <no-reply@localhost>"),
    MAIL_OUTBOX_DIR: z.string().default(".data/outbox"),
    // The outbox page shows every reset link: served in development, and in a production
    // build only when asked for (local e2e runs); never on Vercel.
    MAIL_OUTBOX_PAGE: bool,
    BLOB_READ_WRITE_TOKEN: z.string().optional(),
    UPLOAD_DIR: z.string().default(".data/uploads"),
    AUTH_GOOGLE_ID: z.string().optional(),
    AUTH_GOOGLE_SECRET: z.string().optional(),
    AUTH_GITHUB_ID: z.string().optional(),
    AUTH_GITHUB_SECRET: z.string().optional(),
    AUTH_APPLE_ID: z.string().optional(),
    GOOGLE_JWKS_URI: z.url().default("https://www.googleapis.com/oauth2/v3/certs"),
    GOOGLE_ISSUER: z.string().default("https://accounts.google.com"),
    APPLE_JWKS_URI: z.url().default("https://appleid.apple.com/auth/keys"),
    APPLE_ISSUER: z.string().default("https://appleid.apple.com"),
    API_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    OAUTH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // Bounds on the mail provider (Resend) and the blob store: a hanging provider must not hang a request.
    MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Vercel Cron sends it as a bearer token to /api/cron/*; unset, those routes refuse every call. */
    CRON_SECRET: z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)").optional(),
    STORAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    // Social sign-in endpoints, overridable so tests can point Auth.js at a local OAuth server.
    AUTH_GOOGLE_ISSUER: optionalUrl,
    AUTH_GITHUB_AUTHORIZATION_URL: optionalUrl,
    AUTH_GITHUB_TOKEN_URL: optionalUrl,
    AUTH_GITHUB_USERINFO_URL: optionalUrl,
    AUTH_GITHUB_EMAILS_URL: optionalUrl,
    // Integrations (seed 000): credentials, and endpoint overrides for tests or self-hosted providers.
    INTEGRATION_CALENDAR_CLIENT_ID: z.string().optional(),
    INTEGRATION_CALENDAR_CLIENT_SECRET: z.string().optional(),
    INTEGRATION_CALENDAR_AUTHORIZE_URL: optionalUrl,
    INTEGRATION_CALENDAR_TOKEN_URL: optionalUrl,
    INTEGRATION_CALENDAR_REVOKE_URL: optionalUrl,
    INTEGRATION_SLACK_CLIENT_ID: z.string().optional(),
    INTEGRATION_SLACK_CLIENT_SECRET: z.string().optional(),
    INTEGRATION_SLACK_AUTHORIZE_URL: optionalUrl,
    INTEGRATION_SLACK_TOKEN_URL: optionalUrl,
    INTEGRATION_SLACK_REVOKE_URL: optionalUrl,
    INTEGRATION_GITHUB_CLIENT_ID: z.string().optional(),
    INTEGRATION_GITHUB_CLIENT_SECRET: z.string().optional(),
    INTEGRATION_GITHUB_AUTHORIZE_URL: optionalUrl,
    INTEGRATION_GITHUB_TOKEN_URL: optionalUrl,
    INTEGRATION_GITHUB_REVOKE_URL: optionalUrl,
    INTEGRATION_OUTLOOK_CLIENT_ID: z.string().optional(),
    INTEGRATION_OUTLOOK_CLIENT_SECRET: z.string().optional(),
    INTEGRATION_OUTLOOK_AUTHORIZE_URL: optionalUrl,
    INTEGRATION_OUTLOOK_TOKEN_URL: optionalUrl,
    INTEGRATION_OUTLOOK_REVOKE_URL: optionalUrl,
    INTEGRATION_ZOOM_CLIENT_ID: z.string().optional(),
    INTEGRATION_ZOOM_CLIENT_SECRET: z.string().optional(),
    INTEGRATION_ZOOM_AUTHORIZE_URL: optionalUrl,
    INTEGRATION_ZOOM_TOKEN_URL: optionalUrl,
    INTEGRATION_ZOOM_REVOKE_URL: optionalUrl,
    PROVIDER_URL_OVERRIDE: optionalUrl,
    // OpenID Connect provider signing keys: a JWKS of private keys. The first signs; the
    // others stay published so tokens they signed still verify until they expire (rotation).
    OIDC_JWKS: z
      .string()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || isPrivateJwks(v), {
        message: 'must be a JSON Web Key Set of private keys: {"keys":[{"kty":"RSA","d":...,"kid":...}, ...]}',
      }),
  })
  .superRefine((env, ctx) => {
    const required = (key: keyof typeof env, why: string) => {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `is required ${why}` });
    };
    if (env.VERCEL) {
      required("DATABASE_URL", "on Vercel (the embedded PGlite database would live on a disk that is thrown away)");
      required("RESEND_API_KEY", "on Vercel (the local outbox would be lost)");
      required("BLOB_READ_WRITE_TOKEN", "on Vercel (avatars on local disk would be lost)");
    }
    if (env.NODE_ENV === "production" && env.VERCEL) {
      required("AUTH_SECRET", "in production");
      required("ENCRYPTION_KEY", "in production");
      required("OIDC_JWKS", "in production (the OpenID Connect provider's signing keys)");
    }
  })
  .transform((env) => ({
    ...env,
    // Local runs get stable development keys so a newcomer needs no .env; production
    // on Vercel is refused above without real ones.
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.from(DEV_SECRET.slice(0, 32)).toString("base64"),
    APP_URL: env.APP_URL.replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, parsed on first use (tests may reset it with resetEnv). */
export function env(): Env {
  return (cached ??= parseEnv());
}

export function resetEnv(): void {
  cached = undefined;
}
