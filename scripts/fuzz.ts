/**
 * Fuzzes every operation of the OpenAPI document against a running portal:
 *
 *   npx tsx scripts/fuzz.ts --base-url http://127.0.0.1:3000 [--seed N] [--per-route N]
 *       [--only operationId,...] [--case 'operationId#n',...] [--concurrency N] [--json file]
 *
 * The cases come from lib/openapi/document.ts (scripts/fuzz/generator.ts), so new routes are
 * fuzzed as soon as they are documented. The cookie-session cases need the server's
 * AUTH_SECRET in this process's environment (the development default when neither sets one).
 * Exits 1 when any answer is a 5xx, leaves the error envelope, leaks internals, or when
 * /api/health no longer answers 200 at the end.
 */
import { writeFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
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

async function main() {
  const report = await runFuzz(
    buildOpenApiDocument(),
    {
      origin: new URL(baseUrl).origin,
      async send({ method, path, headers, body }) {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers,
          body: body as BodyInit | undefined,
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        });
        return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
      },
      async cookieFor(sessionId) {
        const name = sessionCookieName(secure);
        return `${name}=${await encode({ token: { sid: sessionId }, secret: env().AUTH_SECRET, salt: name })}`;
      },
    },
    { seed, perRoute, only, cases, concurrency, bodyLimit: env().API_BODY_LIMIT_BYTES, log: (line) => console.error(line) },
  );
  const replay = (id: string) => `npx tsx scripts/fuzz.ts --base-url ${baseUrl} --seed ${seed}${perRoute ? ` --per-route ${perRoute}` : ""} --case '${id}'`;
  console.log(formatReport(report, replay));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  process.exit(report.failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
