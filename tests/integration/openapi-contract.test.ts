import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { contractFailures, runContract } from "@/lib/openapi/contract/run-contract";
import { request } from "@/tests/support/app-client";
import { latestEmail, uniqueEmail } from "@/tests/support/fixtures";

describe("every documented operation answers as the document says (in-process)", () => {
  it(
    "calls each operation with its example, without credentials and with an invalid body",
    async () => {
      const results = await runContract(buildOpenApiDocument(), {
        async send(method, path, { token, json, body, headers }) {
          const answer = await request(method, path, { token, json, body, headers });
          return { status: answer.status, body: answer.body };
        },
        latestEmail: (to) => latestEmail(to),
        uniqueEmail: () => uniqueEmail("contract"),
        image: async () =>
          new Blob([new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3366ff" } }).png().toBuffer())], {
            type: "image/png",
          }),
      });
      if (process.env.CONTRACT_REPORT) console.log(results.map((r) => `${r.status} ${r.expected} ${r.name}`).join("\n"));
      expect(contractFailures(results)).toEqual([]);
      expect(results.length).toBeGreaterThan(100);
    },
    240_000,
  );
});
