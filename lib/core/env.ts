import { z } from "zod";
import { ephemeralSecrets, loadOrCreateLocalSecrets, localSecretsFile, weakSecretReason } from "@/lib/core/local-secrets";

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

/** Unset and empty are the same: a template's `AUTH_SECRET=` line sets nothing. */
const blankIsUnset = (v: string | undefined) => (v === "" ? undefined : v);

/** `ENCRYPTION_KEY` is a comma-separated list: the first key encrypts, every key decrypts (rotation). */
export function splitKeys(value: string): string[] {
  return value
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
}

const ENCRYPTION_KEY_SHAPE = /^[A-Za-z0-9+/=_-]{43,}$/;

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
    AUTH_SECRET: z
      .string()
      .optional()
      .transform(blankIsUnset)
      .refine((v) => v === undefined || v.length >= 32, { message: "must be at least 32 characters (openssl rand -base64 32)" }),
    ENCRYPTION_KEY: z
      .string()
      .optional()
      .transform(blankIsUnset)
      .refine((v) => v === undefined || (splitKeys(v).length > 0 && splitKeys(v).every((key) => ENCRYPTION_KEY_SHAPE.test(key))), {
        message: "must be 32 random bytes in base64 (openssl rand -base64 32), or a comma-separated list of such keys (the first encrypts)",
      }),
    /** A session unused for this long is over, whatever its 7-day limit says. */
    SESSION_IDLE_TIMEOUT_HOURS: z.coerce.number().positive().default(24),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
    // Sudo mode: how long a sign-in or re-authentication allows sensitive changes (lib/services/auth/recent-auth.ts).
    REAUTH_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    AUTH_REQUIRE_VERIFIED_EMAIL: bool,
    AUTH_TRUST_HOST: bool,
    // How many proxies in front of the portal append the client's address to X-Forwarded-For
    // (lib/core/client-info.ts). 0: none, Next is reached directly. Ignored on Vercel, whose
    // own headers are used.
    TRUSTED_PROXY_HOPS: z
      .string()
      .regex(/^(\d{1,2})?$/, "must be a whole number of proxies, 0 to 10")
      .optional()
      .transform((v) => (v ? Number(v) : 0))
      .refine((v) => v <= 10, { message: "must be a whole number of proxies, 0 to 10" }),
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
      required("OIDC_JWKS", "in production (the OpenID Connect provider's signing keys)");
    }
    if (secretsRequired(env)) {
      const why = "in production with a DATABASE_URL (openssl rand -base64 32); only the embedded database generates its own";
      required("AUTH_SECRET", why);
      required("ENCRYPTION_KEY", why);
    }
    if (env.NODE_ENV === "production") {
      // Whatever the database, production never runs on a guessable key.
      const weak = (key: "AUTH_SECRET" | "ENCRYPTION_KEY", values: string[]) => {
        for (const value of values) {
          const reason = weakSecretReason(value);
          if (reason) ctx.addIssue({ code: "custom", path: [key], message: `is too weak: it ${reason} (openssl rand -base64 32)` });
        }
      };
      if (env.AUTH_SECRET) weak("AUTH_SECRET", [env.AUTH_SECRET]);
      if (env.ENCRYPTION_KEY) weak("ENCRYPTION_KEY", splitKeys(env.ENCRYPTION_KEY));
    }
  })
  .transform((env) => ({ ...env, APP_URL: env.APP_URL.replace(/\/+$/, "") }));

/**
 * Production against a real database (self-hosted or Vercel) must be given its secrets: keys
 * generated on one instance's disk would differ between instances and vanish with it. Only
 * the embedded database (no DATABASE_URL), whose data sits on this disk anyway, may keep
 * generated keys beside it.
 */
function secretsRequired(env: { NODE_ENV: string; VERCEL: boolean; DATABASE_URL?: string }): boolean {
  return env.NODE_ENV === "production" && (env.VERCEL || env.DATABASE_URL !== undefined);
}

type ParsedEnv = z.infer<typeof envSchema>;

export type Env = Omit<ParsedEnv, "AUTH_SECRET" | "ENCRYPTION_KEY"> & {
  AUTH_SECRET: string;
  /** The key that encrypts (the first of the list); also keys the backup-code hashes. */
  ENCRYPTION_KEY: string;
  /** Every configured key, the encrypting one first: each can decrypt. */
  ENCRYPTION_KEYS: string[];
  /** Where generated secrets are kept when some were not configured (undefined otherwise). */
  GENERATED_SECRETS_FILE?: string;
};

/**
 * Fills in the secrets that were not configured, where that is allowed (the schema refused
 * the rest): random ones per process under the test runner, otherwise random ones generated
 * once and kept beside the embedded database (see lib/core/local-secrets.ts).
 */
function withSecrets(parsed: ParsedEnv): Env {
  let generated: { AUTH_SECRET: string; ENCRYPTION_KEY: string } | undefined;
  let file: string | undefined;
  if (!parsed.AUTH_SECRET || !parsed.ENCRYPTION_KEY) {
    if (parsed.NODE_ENV === "test") {
      generated = ephemeralSecrets();
    } else {
      file = localSecretsFile(parsed.PGLITE_DATA_DIR);
      try {
        generated = loadOrCreateLocalSecrets(file);
      } catch (error) {
        throw new EnvError([`AUTH_SECRET / ENCRYPTION_KEY are not set and ${error instanceof Error ? error.message : String(error)}`]);
      }
    }
  }
  const keys = parsed.ENCRYPTION_KEY ? splitKeys(parsed.ENCRYPTION_KEY) : [generated!.ENCRYPTION_KEY];
  return {
    ...parsed,
    AUTH_SECRET: parsed.AUTH_SECRET ?? generated!.AUTH_SECRET,
    ENCRYPTION_KEY: keys[0]!,
    ENCRYPTION_KEYS: keys,
    GENERATED_SECRETS_FILE: file,
  };
}

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
  return withSecrets(result.data);
}

let cached: Env | undefined;

/** The validated environment, parsed on first use (tests may reset it with resetEnv). */
export function env(): Env {
  return (cached ??= parseEnv());
}

export function resetEnv(): void {
  cached = undefined;
}
