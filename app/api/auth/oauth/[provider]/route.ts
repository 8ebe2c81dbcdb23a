import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { startSocialSignIn } from "@/lib/auth/start-social-sign-in";

/**
 * Seed 004 `GET /api/auth/oauth/{google|github}`: sends the client to the provider through
 * Auth.js; the flow ends at /api/oauth/complete, which answers API tokens as JSON.
 */
export const GET = apiRoute(authOps.startOAuthSignIn, async ({ request, params }) => {
  const { location, setCookies } = await startSocialSignIn({ request, provider: params.provider, callbackPath: "/api/oauth/complete" });
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 302, headers });
});
