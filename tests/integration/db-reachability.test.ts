import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetDatabaseReachable, HEALTHY_FOR_MS, isDatabaseReachable } from "@/lib/db/reachability";
import { POSTGRES_ADMIN_URL } from "@/tests/support/database";

/**
 * proxy.ts asks lib/db/reachability before every page: these run it against the machine's
 * PostgreSQL through a TCP relay the test can cut, to see an outage and a recovery.
 */
const target = new URL(POSTGRES_ADMIN_URL);

type Relay = { server: Server; port: number; sockets: Set<Socket>; accepted: number; writes: number; mode: "relay" | "silent" };

async function openRelay(port = 0, mode: Relay["mode"] = "relay"): Promise<Relay> {
  const relay: Relay = { server: createServer(), port, sockets: new Set(), accepted: 0, writes: 0, mode };
  relay.server.on("connection", (client) => {
    relay.accepted += 1;
    relay.sockets.add(client);
    client.on("close", () => relay.sockets.delete(client));
    client.on("error", () => undefined);
    client.on("data", () => (relay.writes += 1));
    if (relay.mode === "silent") return; // accepts, never answers: a hung server
    const upstream = connect(Number(target.port || 5432), target.hostname);
    relay.sockets.add(upstream);
    upstream.on("close", () => relay.sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.server.listen(port, "127.0.0.1", resolve));
  const address = relay.server.address();
  relay.port = typeof address === "object" && address ? address.port : port;
  return relay;
}

async function closeRelay(relay: Relay): Promise<void> {
  for (const socket of relay.sockets) socket.destroy();
  await new Promise<void>((resolve) => relay.server.close(() => resolve()));
}

function urlThrough(port: number): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

describe("database reachability (what the proxy asks before a page)", () => {
  let relay: Relay;
  let url: string;

  beforeAll(async () => {
    relay = await openRelay();
    url = urlThrough(relay.port);
  });
  afterAll(async () => {
    await closeRelay(relay).catch(() => undefined);
  });

  it("answers true for a live server, and trusts that for a moment without asking again", async () => {
    forgetDatabaseReachable();
    expect(await isDatabaseReachable(url)).toBe(true);
    const writes = relay.writes;
    for (let i = 0; i < 50; i++) expect(await isDatabaseReachable(url)).toBe(true);
    // 50 calls inside the window: not one byte sent to the server.
    expect(relay.writes).toBe(writes);
    expect(HEALTHY_FOR_MS).toBeLessThanOrEqual(1_000);
  });

  it("sees the outage once the last success is forgotten, and the recovery on the next call", async () => {
    expect(await isDatabaseReachable(url)).toBe(true);
    await closeRelay(relay);
    // What instrumentation.ts does when a page meets an unreachable database.
    forgetDatabaseReachable();
    const started = Date.now();
    expect(await isDatabaseReachable(url)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    // A failure is not remembered: as soon as the server is back, the next call says so.
    relay = await openRelay(relay.port);
    expect(await isDatabaseReachable(url)).toBe(true);
  });

  it("sees the outage by itself once the window has passed", async () => {
    expect(await isDatabaseReachable(url)).toBe(true);
    await closeRelay(relay);
    await new Promise((resolve) => setTimeout(resolve, HEALTHY_FOR_MS + 50));
    expect(await isDatabaseReachable(url)).toBe(false);
    relay = await openRelay(relay.port);
  });

  it("asks a hung server once for 20 concurrent callers, and gives up after the probe timeout", async () => {
    await closeRelay(relay);
    const silent = await openRelay(relay.port, "silent");
    forgetDatabaseReachable();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => isDatabaseReachable(url)));
    expect(answers.every((a) => a === false)).toBe(true);
    // A hung server is given up on after the probe's timeout (1 s), not the client's.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(silent.accepted).toBe(1);
    await closeRelay(silent);
    relay = await openRelay(relay.port);
    expect(await isDatabaseReachable(url)).toBe(true);
  });
});
