/**
 * Fuzzes every operation of the OpenAPI document against a running portal:
 *
 *   npm run fuzz -- --base-url http://127.0.0.1:3000 [--seed N] [--per-route N]
 *       [--only operationId,...] [--case 'operationId#n',...] [--concurrency N] [--json file]
 *
 * The cases come from lib/openapi/document.ts (scripts/fuzz/generator.ts), so new routes are
 * fuzzed as soon as they are documented. The cookie-session cases need the server's
 * AUTH_SECRET in this process: the same AUTH_SECRET variable or, when neither sets one, the
 * same PGLITE_DATA_DIR, whose generated secrets.json both then read (lib/core/local-secrets.ts).
 * Exits 1 when any answer is a 5xx, leaves the error envelope, leaks internals, or when
 * /api/health no longer answers 200 at the end.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/core/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { formatReport, runFuzz } from "@/scripts/fuzz/run";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const baseUrl = (option("base-url") ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const seed = Number(option("seed") ?? Date.now() % 1_000_000);
const perRoute = option("per-route") ? Number(option("per-route")) : undefined;
const only = option("only")?.split(",").filter(Boolean);
const cases = option("case")?.split(",").filter(Boolean);
const concurrency = Number(option("concurrency") ?? 4);
const jsonOut = option("json");
const secure = baseUrl.startsWith("https:");

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * One request over node:http rather than fetch: fetch refuses to send what the fuzzer
 * needs to send (a Content-Length that lies, header values fetch normalises).
 */
function send({ method, path, headers, body }: { method: string; path: string; headers: Record<string, string>; body?: Uint8Array }) {
  return new Promise<{ status: number; contentType: string; text: string }>((resolve, reject) => {
    const target = new URL(baseUrl);
    const outgoing: Record<string, string> = { ...headers };
    if (body && !Object.keys(outgoing).some((k) => k.toLowerCase() === "content-length")) outgoing["content-length"] = String(body.byteLength);
    // A request whose body is shorter than it declares leaves its connection unusable:
    // it gets a connection of its own, closed afterwards.
    const lying = body !== undefined && Number(outgoing["content-length"]) > body.byteLength;
    if (lying) outgoing.connection = "close";
    const req = http.request(
      { host: target.hostname, port: target.port, method, path, headers: outgoing, agent: lying ? false : agent, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout after 30 s")));
    req.on("error", reject);
    // A declared length above the body is sent as is: the server must refuse it from the header alone.
    if (body) req.end(body);
    else req.end();
  });
}

async function main() {
  const report = await runFuzz(
    buildOpenApiDocument(),
    {
      origin: new URL(baseUrl).origin,
      send: (request) => send(request),
      async cookieFor(sessionId) {
        const name = sessionCookieName(secure);
        return `${name}=${await encode({ token: { sid: sessionId }, secret: env().AUTH_SECRET, salt: name })}`;
      },
    },
    { seed, perRoute, only, cases, concurrency, bodyLimit: env().API_BODY_LIMIT_BYTES, log: (line) => console.error(line) },
  );
  const replay = (id: string) => `npm run fuzz -- --base-url ${baseUrl} --seed ${seed}${perRoute ? ` --per-route ${perRoute}` : ""} --case '${id}'`;
  console.log(formatReport(report, replay));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  process.exit(report.failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
