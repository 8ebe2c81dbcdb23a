import { OAuth2Server } from "oauth2-mock-server";
import { e2eOAuthPort } from "./oauth-mock";

/**
 * Starts the local OAuth 2.0 server the integration flows talk to (a real one: authorize
 * redirects with a code, the token endpoint checks PKCE). A port already taken is reported
 * and tolerated: only the specs that need the server fail then, not the whole run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  try {
    await server.start(e2eOAuthPort(), "127.0.0.1");
  } catch (error) {
    console.warn(`[e2e] OAuth mock server not started on port ${e2eOAuthPort()}: ${(error as Error).message}`);
    return async () => {};
  }
  return async () => {
    await server.stop();
  };
}
