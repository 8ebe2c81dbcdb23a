import { createHash } from "node:crypto";
import { jwtVerify } from "jose";
import pg from "pg";

/**
 * The work of `GET /api/me` with nothing around it, shared by the two floors of the bench:
 * the bare one (floor-server.ts: node:http) and the Next.js one (next-floor/: one route
 * handler, no middleware). It verifies the same access token as lib/core/access-token.ts
 * (HS256, key sha256("access-token:" + AUTH_SECRET), issuer APP_URL, audience "portal-api",
 * typ "access"), loads the session, its user and the 2FA row in ONE query, applies the same
 * liveness checks (revoked, expired, token and session of the same user, user active), and
 * answers seed 004's JSON byte for byte as the portal does.
 */

const DEV_SECRET = "dev-only-secret-change-me-in-production-0123456789";

/** The portal's pool: @prisma/adapter-pg opens a pg.Pool with pg's default size, 10. */
export const FLOOR_POOL_SIZE = 10;

export const FLOOR_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } as const;

export type Floor = { key: Uint8Array; issuer: string; pool: pg.Pool };

export type FloorAnswer = { status: number; body: string };

/** Reads AUTH_SECRET, APP_URL and DATABASE_URL; opens no connection until the first query. */
export function floorFromEnv(env: NodeJS.ProcessEnv = process.env): Floor {
  const secret = env.AUTH_SECRET || DEV_SECRET;
  return {
    key: createHash("sha256").update(`access-token:${secret}`).digest(),
    issuer: (env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: FLOOR_POOL_SIZE }),
  };
}

const QUERY = `
  SELECT s."userId", s."revokedAt", s."expiresAt",
         u.id, u.email, u."firstName", u."lastName", u."emailVerified", u.image, u.active, u."createdAt", u."updatedAt",
         t."enabledAt" AS "twoFactorEnabledAt"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "TwoFactor" t ON t."userId" = u.id
   WHERE s.id = $1`;

type Row = {
  userId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  emailVerified: Date | null;
  image: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  twoFactorEnabledAt: Date | null;
};

const UNAUTHORIZED: FloorAnswer = {
  status: 401,
  body: JSON.stringify({ success: false, statusCode: 401, error: "INVALID_TOKEN", message: "Jeton d'accès invalide ou expiré" }),
};
const INTERNAL: FloorAnswer = { status: 500, body: '{"success":false,"statusCode":500,"error":"INTERNAL_ERROR"}' };

/** The answer to `GET /api/me` with this Authorization header (sent with FLOOR_HEADERS). */
export async function answerMe(floor: Floor, authorization: string | null | undefined): Promise<FloorAnswer> {
  try {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
    if (!match) return UNAUTHORIZED;
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, floor.key, { algorithms: ["HS256"], issuer: floor.issuer, audience: "portal-api" }));
    } catch {
      return UNAUTHORIZED;
    }
    if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.sid !== "string") return UNAUTHORIZED;
    const { rows } = await floor.pool.query<Row>(QUERY, [payload.sid]);
    const row = rows[0];
    const at = Date.now();
    if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= at || row.userId !== payload.sub || !row.active) return UNAUTHORIZED;
    const enabledAt = row.twoFactorEnabledAt;
    return {
      status: 200,
      body: JSON.stringify({
        success: true,
        data: {
          user: {
            id: row.id,
            email: row.email,
            firstName: row.firstName,
            lastName: row.lastName,
            emailVerified: row.emailVerified !== null,
            emailVerifiedAt: row.emailVerified?.toISOString() ?? null,
            twoFactorEnabled: enabledAt !== null,
            twoFactorEnabledAt: enabledAt?.toISOString() ?? null,
            avatarUrl: row.image,
            createdAt: row.createdAt.toISOString(),
            updatedAt: row.updatedAt.toISOString(),
          },
        },
      }),
    };
  } catch {
    return INTERNAL;
  }
}
