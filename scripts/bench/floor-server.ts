/**
 * The floor for `GET /api/me`: a bare Node.js `http` + `pg` server doing the same work as
 * the portal's route, with nothing else. It verifies the same access token (HS256, key
 * sha256("access-token:" + AUTH_SECRET), issuer APP_URL, audience "portal-api",
 * typ "access", as lib/core/access-token.ts), loads the session, its user and the 2FA row
 * in ONE query, applies the same liveness checks, and answers seed 004's JSON.
 *
 *   DATABASE_URL=... AUTH_SECRET=... APP_URL=... PORT=3751 npx tsx scripts/bench/floor-server.ts
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { jwtVerify } from "jose";
import pg from "pg";

const DEV_SECRET = "dev-only-secret-change-me-in-production-0123456789";
const secret = process.env.AUTH_SECRET || DEV_SECRET;
const issuer = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const key = createHash("sha256").update(`access-token:${secret}`).digest();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

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

const UNAUTHORIZED = JSON.stringify({ success: false, statusCode: 401, error: "INVALID_TOKEN", message: "Jeton d'accès invalide ou expiré" });

function answer(res: import("node:http").ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

const server = createServer(async (req, res) => {
  try {
    if (req.url !== "/api/me") return answer(res, 404, '{"success":false}');
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? "");
    if (!match) return answer(res, 401, UNAUTHORIZED);
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, key, { algorithms: ["HS256"], issuer, audience: "portal-api" }));
    } catch {
      return answer(res, 401, UNAUTHORIZED);
    }
    if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.sid !== "string") return answer(res, 401, UNAUTHORIZED);
    const { rows } = await pool.query<Row>(QUERY, [payload.sid]);
    const row = rows[0];
    const at = Date.now();
    if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= at || row.userId !== payload.sub || !row.active) return answer(res, 401, UNAUTHORIZED);
    const enabledAt = row.twoFactorEnabledAt;
    answer(
      res,
      200,
      JSON.stringify({
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
    );
  } catch {
    answer(res, 500, '{"success":false,"statusCode":500,"error":"INTERNAL_ERROR"}');
  }
});

const port = Number(process.env.PORT ?? 3751);
server.listen(port, "127.0.0.1", () => console.log(`floor server on http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void pool.end().then(() => process.exit(0))));
