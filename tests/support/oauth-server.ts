import { createServer, type Server, type Socket } from "node:net";
import { OAuth2Server } from "oauth2-mock-server";

/**
 * A real OAuth 2.0 / OIDC server on loopback (oauth2-mock-server): authorize redirects with a
 * code, the token endpoint checks PKCE, issues signed tokens and serves discovery and JWKS.
 * Tests customise one answer at a time with its `service.once(...)` hooks.
 */
export async function startOAuthServer(): Promise<{ server: OAuth2Server; url: string; stop: () => Promise<void> }> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  await server.start(0, "127.0.0.1");
  const url = server.issuer.url!;
  return { server, url, stop: () => server.stop() };
}

/** A server that accepts connections and never answers: a provider that hangs. */
export async function startSilentServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL where nothing listens: a provider that is down. */
export async function closedPortUrl(): Promise<string> {
  const { url, stop } = await startSilentServer();
  await stop();
  return url;
}
