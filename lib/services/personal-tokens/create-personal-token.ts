import "server-only";
import { randomBytes } from "node:crypto";
import type { ClientInfo } from "@/lib/core/client-info";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertEmailVerified } from "@/lib/services/account/assert-email-verified";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { PERSONAL_TOKEN_NAME_MAX, PERSONAL_TOKEN_SCOPES, PERSONAL_TOKEN_EXPIRY_CHOICES } from "@/lib/validation/developer";
import { toPersonalTokenView, type PersonalTokenView } from "./personal-token-view";
import { PERSONAL_TOKEN_PREFIX } from "./verify-personal-token";

/** Live (neither revoked nor expired) tokens one person may hold. */
export const MAX_LIVE_PERSONAL_TOKENS = 50;
/** Characters of the token kept in clear to tell tokens apart: `pat_` and 8 random ones. */
const DISPLAY_PREFIX_LENGTH = PERSONAL_TOKEN_PREFIX.length + 8;
const ALLOWED_DAYS = new Set(PERSONAL_TOKEN_EXPIRY_CHOICES.filter((choice) => choice !== "never").map(Number));
const DAY_MS = 24 * 3600 * 1000;

/**
 * Creates a personal access token: `pat_` and 32 random bytes in base64url, answered here
 * once and stored only as its sha256. Scopes are limited to `profile` and `email`; the
 * lifetime is one of the offered choices or none; at most 50 live tokens per person. Only
 * once the email is verified (403 EMAIL_NOT_VERIFIED): someone who registered another
 * person's address must not mint a key that outlives that person's password reset.
 */
export async function createPersonalToken(
  options: { userId: string; name: string; scopes: readonly string[]; expiresInDays: number | null; client?: ClientInfo },
  db: Db = prisma,
): Promise<{ token: string; record: PersonalTokenView }> {
  const name = options.name.trim();
  if (!name || name.length > PERSONAL_TOKEN_NAME_MAX) throw new AppError("VALIDATION_ERROR", { details: { name: "required" } });
  const scopes = [...new Set(options.scopes)];
  if (scopes.length === 0 || scopes.some((scope) => !(PERSONAL_TOKEN_SCOPES as readonly string[]).includes(scope))) {
    throw new AppError("PERSONAL_TOKEN_INVALID_SCOPE");
  }
  if (options.expiresInDays !== null && !ALLOWED_DAYS.has(options.expiresInDays)) throw new AppError("PERSONAL_TOKEN_INVALID_EXPIRY");

  const token = `${PERSONAL_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const at = now();
  const record = await db.$transaction(async (tx) => {
    // The owner's row is locked so two concurrent creations cannot both pass the limit.
    await tx.$queryRaw(Prisma.sql`SELECT 1 FROM "User" WHERE "id" = ${options.userId} FOR UPDATE`);
    await assertEmailVerified(options.userId, tx);
    const live = await tx.personalAccessToken.count({
      where: { userId: options.userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
    });
    if (live >= MAX_LIVE_PERSONAL_TOKENS) throw new AppError("PERSONAL_TOKEN_LIMIT");
    const created = await tx.personalAccessToken.create({
      data: {
        userId: options.userId,
        name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
        scopes,
        expiresAt: options.expiresInDays === null ? null : new Date(at.getTime() + options.expiresInDays * DAY_MS),
        createdAt: at,
      },
    });
    await recordAuditEvent(
      { userId: options.userId, type: "PERSONAL_TOKEN_CREATED", client: options.client, metadata: { tokenId: created.id, scopes, expiresInDays: options.expiresInDays } },
      tx,
    );
    return created;
  });
  return { token, record: toPersonalTokenView(record, at) };
}
