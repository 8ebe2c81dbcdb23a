import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { contractFailures, runContract, type ContractClient } from "@/tests/support/contract/run-contract";

/**
 * The contract test against the production server: the document it serves, every operation
 * called over HTTP, every answer checked against that document (see run-contract.ts).
 */
const OUTBOX = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e", "outbox");
let counter = 0;
let requests = 0;

/**
 * Each request comes from its own address (`X-Real-IP`, which the portal reads first): the
 * per-IP limits on email-sending routes would otherwise stop a run that opens ~100 accounts
 * from one machine, and those limits are not what this test is about.
 */
function clientAddress(): string {
  requests += 1;
  return `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
}

function client(request: APIRequestContext): ContractClient {
  return {
    async send(method, url, { token, json, body, headers }) {
      const all: Record<string, string> = { "x-real-ip": clientAddress(), ...headers };
      if (token) all.authorization = `Bearer ${token}`;
      if (json !== undefined) all["content-type"] = "application/json";
      const response = await request.fetch(url, {
        method,
        headers: all,
        maxRedirects: 0,
        ...(body ? { multipart: body } : json !== undefined ? { data: JSON.stringify(json) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // an HTML page: its status is what gets checked
      }
      return { status: response.status(), body: parsed };
    },
    async latestEmail(to) {
      const files = (await readdir(OUTBOX).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort().reverse();
      for (const file of files) {
        const message = JSON.parse(await readFile(path.join(OUTBOX, file), "utf8")) as { to: string; text: string };
        if (message.to.toLowerCase() === to.toLowerCase()) return message;
      }
      return undefined;
    },
    uniqueEmail: () => `contract.${Date.now().toString(36)}.${++counter}@example.com`,
    image: async () =>
      new Blob([new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3366ff" } }).png().toBuffer())], {
        type: "image/png",
      }),
  };
}

test("every documented operation answers as the served OpenAPI document says", async ({ request }) => {
  test.setTimeout(300_000);
  const served = await request.get("/api/openapi.json");
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toContain("public");
  const document = (await served.json()) as object;
  const results = await runContract(document, client(request));
  expect(contractFailures(results)).toEqual([]);
  expect(results.length).toBeGreaterThan(100);
});

test("the API reference page renders the document without leaving the portal's origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  await page.goto("/docs/api");
  await expect(page.getByText("Account Portal API").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Sign in with email and password").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});
