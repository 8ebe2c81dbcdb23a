import "server-only";
import { prisma, type DbTx } from "@/lib/db/client";
import { toOAuthAppView, type OAuthAppView } from "./oauth-app-view";

/** The OAuth apps the user registered, newest first (never anyone else's). */
export async function listOAuthApps(options: { ownerId: string }, db: DbTx = prisma): Promise<OAuthAppView[]> {
  const apps = await db.oAuthApp.findMany({ where: { ownerId: options.ownerId }, orderBy: { createdAt: "desc" } });
  return apps.map(toOAuthAppView);
}
