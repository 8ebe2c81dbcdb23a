import "server-only";
import { now } from "@/lib/core/clock";
import { prisma, type DbTx } from "@/lib/db/client";
import { GRANT_TYPE, grantScopes, TOKEN_TYPES } from "@/lib/db/oidc-payload";

export type AuthorizedApp = {
  clientId: string;
  name: string;
  logoUrl: string | null;
  scopes: string[];
  grantedAt: Date;
  lastUsedAt: Date | null;
};

/**
 * The third-party apps that hold access to this user's account: one entry per app with a
 * live grant, the union of the scopes granted, the first grant's date and when the app last
 * obtained a token. Three queries whatever the number of apps.
 */
export async function listAuthorizedApps(options: { userId: string }, db: DbTx = prisma): Promise<AuthorizedApp[]> {
  const at = now();
  const grants = await db.oidcPayload.findMany({
    where: { type: GRANT_TYPE, accountId: options.userId, clientId: { not: null }, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
    select: { clientId: true, payload: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (grants.length === 0) return [];
  const clientIds = [...new Set(grants.map((grant) => grant.clientId!))];
  const [apps, usage] = await Promise.all([
    db.oAuthApp.findMany({ where: { clientId: { in: clientIds } }, select: { clientId: true, name: true, logoUrl: true } }),
    db.oidcPayload.groupBy({
      by: ["clientId"],
      where: { accountId: options.userId, clientId: { in: clientIds }, type: { in: [...TOKEN_TYPES] } },
      _max: { createdAt: true },
    }),
  ]);
  const appByClient = new Map(apps.map((app) => [app.clientId, app]));
  const lastUsedByClient = new Map(usage.map((row) => [row.clientId, row._max.createdAt]));

  const byClient = new Map<string, AuthorizedApp>();
  for (const grant of grants) {
    const app = appByClient.get(grant.clientId!);
    if (!app) continue; // the app was deleted: its grants no longer give access
    const entry = byClient.get(app.clientId);
    if (entry) {
      entry.scopes = [...new Set([...entry.scopes, ...grantScopes(grant.payload)])];
      continue;
    }
    byClient.set(app.clientId, {
      clientId: app.clientId,
      name: app.name,
      logoUrl: app.logoUrl,
      scopes: grantScopes(grant.payload),
      grantedAt: grant.createdAt,
      lastUsedAt: lastUsedByClient.get(app.clientId) ?? null,
    });
  }
  return [...byClient.values()].sort((a, b) => b.grantedAt.getTime() - a.grantedAt.getTime());
}
