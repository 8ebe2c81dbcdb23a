import type { NextApiRequest, NextApiResponse } from "next";
import { env } from "@/lib/core/env";
import { describeError, logger } from "@/lib/core/logger";
import { getProvider, OIDC_MOUNT_PATH } from "@/lib/oidc/provider";

/**
 * The OpenID Connect provider (oidc-provider, a certified implementation) mounted at
 * /api/oidc: authorize, token, userinfo, revoke, introspect, jwks, and discovery (also
 * served from the origin's /.well-known through rewrites in next.config.ts). It needs Node's
 * request and response, hence a Pages Router route; it parses bodies itself.
 */
export const config = { api: { bodyParser: false, externalResolver: true } };

export default async function oidc(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  try {
    const provider = await getProvider();
    const url = new URL(req.url ?? "/", "http://internal");
    const path = url.pathname.startsWith(`${OIDC_MOUNT_PATH}/`) ? url.pathname.slice(OIDC_MOUNT_PATH.length) : url.pathname;
    // oidc-provider derives its mount path from originalUrl minus url, and every URL it
    // writes from the request's host: both are pinned to the issuer (APP_URL).
    req.url = `${path === "/.well-known/oauth-authorization-server" ? "/.well-known/openid-configuration" : path}${url.search}`;
    (req as NextApiRequest & { originalUrl?: string }).originalUrl = `${OIDC_MOUNT_PATH}${req.url}`;
    const issuer = new URL(env().APP_URL);
    req.headers.host = issuer.host;
    req.headers["x-forwarded-host"] = issuer.host;
    req.headers["x-forwarded-proto"] = issuer.protocol.replace(/:$/, "");
    await provider.callback()(req, res);
  } catch (error) {
    logger.error("oidc provider failed", describeError(error));
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ error: "server_error", error_description: "The authorization server failed" }));
    }
  }
}
