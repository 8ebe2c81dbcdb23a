import "server-only";
import { now } from "@/lib/core/clock";
import { sha256Hex } from "@/lib/core/crypto";
import { prisma } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { GRANT_TYPE } from "@/lib/db/oidc-payload";

/**
 * An access token the OpenID Connect provider issued to a third-party app, checked straight
 * in its storage: the token must exist (revocation deletes it), be unexpired, its grant must
 * still exist (revoking the app deletes it), its app must still be registered and its user
 * active. Answers the user and the token's scopes, or null.
 */
export async function verifyOidcAccessToken(
  token: string,
): Promise<{ user: User; scopes: string[]; clientId: string; grantId: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await prisma.oidcPayload.findUnique({ where: { id_type: { id: sha256Hex(token), type: "AccessToken" } } });
  if (!row || !row.grantId || !row.accountId || !row.clientId) return null;
  const at = now().getTime();
  const payload = row.payload as { exp?: unknown; scope?: unknown };
  const exp = typeof payload.exp === "number" ? payload.exp * 1000 : row.expiresAt?.getTime();
  if (exp === undefined || exp <= at) return null;

  const [grant, user, app] = await Promise.all([
    prisma.oidcPayload.findUnique({ where: { id_type: { id: sha256Hex(row.grantId), type: GRANT_TYPE } }, select: { expiresAt: true, accountId: true } }),
    prisma.user.findUnique({ where: { id: row.accountId } }),
    prisma.oAuthApp.findUnique({ where: { clientId: row.clientId }, select: { id: true } }),
  ]);
  if (!grant || grant.accountId !== row.accountId || (grant.expiresAt && grant.expiresAt.getTime() <= at)) return null;
  if (!user || !user.active || !app) return null;
  const scopes = typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [];
  return { user, scopes, clientId: row.clientId, grantId: row.grantId };
}
