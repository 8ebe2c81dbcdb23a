import "server-only";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { toPersonalTokenView, type PersonalTokenView } from "./personal-token-view";

const LIST_LIMIT = 100;

/** The user's personal access tokens, newest first, with their status (active, expired, revoked). */
export async function listPersonalTokens(options: { userId: string }, db: DbTx = prisma): Promise<PersonalTokenView[]> {
  const tokens = await db.personalAccessToken.findMany({ where: { userId: options.userId }, orderBy: { createdAt: "desc" }, take: LIST_LIMIT });
  const at = now();
  return tokens.map((token) => toPersonalTokenView(token, at));
}
