import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/core/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { formatReport, runFuzz } from "@/scripts/fuzz/run";
import { BASE_URL, request } from "@/tests/support/app-client";

/**
 * The fuzzer of scripts/fuzz.ts, in-process on PGlite: every documented operation gets a
 * seeded sample of hostile requests (FUZZ_SEED / FUZZ_PER_ROUTE change the sample; the
 * script against a server runs the full catalogue). No answer may be a 5xx, leave the
 * contract envelope, leak internals, or pollute Object.prototype.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 10);

describe("fuzzing every documented route (in-process)", () => {
  it(
    "answers hostile input with 4xx in the envelope, never a 5xx or a leak",
    async () => {
      const report = await runFuzz(
        buildOpenApiDocument(),
        {
          origin: BASE_URL,
          async send({ method, path, headers, body }) {
            const answer = await request(method, path, { headers, body: body as BodyInit | undefined });
            return { status: answer.status, contentType: answer.headers.get("content-type") ?? "", text: answer.text };
          },
          async cookieFor(sessionId) {
            const name = sessionCookieName(false);
            return `${name}=${await encode({ token: { sid: sessionId }, secret: env().AUTH_SECRET, salt: name })}`;
          },
        },
        { seed: SEED, perRoute: PER_ROUTE, checkPrototype: true, bodyLimit: env().API_BODY_LIMIT_BYTES },
      );
      const text = formatReport(report, (id) => `FUZZ_SEED=${SEED} npm run fuzz -- --base-url <url> --seed ${SEED} --case '${id}'`);
      if (process.env.FUZZ_REPORT || report.failures.length) console.log(text);
      expect(report.failures.map((f) => `${f.id} [${f.kind}] -> ${f.status}: ${f.problems.join("; ")}`)).toEqual([]);
      expect(report.prototypePolluted).toBe(false);
      expect(report.operations).toBeGreaterThanOrEqual(70);
      expect(report.cases).toBeGreaterThan(report.operations * 5);
    },
    Number(process.env.FUZZ_TIMEOUT_MS ?? 120_000),
  );
});
