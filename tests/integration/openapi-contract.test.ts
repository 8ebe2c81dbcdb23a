import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { contractFailures, runContract } from "@/tests/support/contract/run-contract";
import { request } from "@/tests/support/app-client";
import { latestEmail, uniqueEmail } from "@/tests/support/fixtures";
import { forbiddenKeys, storedSecretsOf } from "./security-helpers";

describe("every documented operation answers as the document says (in-process)", () => {
  it(
    "calls each operation with its example, without credentials and with an invalid body",
    async () => {
      // Every answer is kept for the security check below (no secret in any answer).
      const answers: { name: string; text: string; body: unknown }[] = [];
      const emails: string[] = [];
      const results = await runContract(buildOpenApiDocument(), {
        async send(method, path, { token, json, body, headers }) {
          const answer = await request(method, path, { token, json, body, headers });
          answers.push({ name: `${method} ${path}`, text: answer.text, body: answer.body });
          return { status: answer.status, body: answer.body };
        },
        latestEmail: (to) => latestEmail(to),
        uniqueEmail: () => {
          const email = uniqueEmail("contract");
          emails.push(email);
          return email;
        },
        image: async () =>
          new Blob([new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3366ff" } }).png().toBuffer())], {
            type: "image/png",
          }),
      });
      if (process.env.CONTRACT_REPORT) console.log(results.map((r) => `${r.status} ${r.expected} ${r.name}`).join("\n"));
      expect(contractFailures(results)).toEqual([]);
      expect(results.length).toBeGreaterThan(100);

      // Security suite: no answer of any route carries a hash, an encrypted secret or a
      // provider token, by key name or by the stored values of the accounts the run made.
      // (The OpenAPI document itself describes request bodies, `password` included.)
      const data = answers.filter((a) => !a.name.startsWith("GET /api/openapi.json"));
      expect(data.flatMap((a) => forbiddenKeys(a.body).map((key) => `${a.name}: ${key}`))).toEqual([]);
      const secrets = await storedSecretsOf(emails);
      expect(secrets.length).toBeGreaterThan(emails.length);
      console.log(`SECURITY no-secret walk: ${data.length} answers, ${secrets.length} stored secrets of ${emails.length} accounts, 0 found`);
      expect(answers.flatMap((a) => secrets.filter((secret) => a.text.includes(secret)).map(() => a.name))).toEqual([]);
    },
    240_000,
  );
});
