import { expect, test } from "@playwright/test";

test("the production build serves health on the embedded database", async ({ request }) => {
  for (const path of ["/api/health", "/health"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "connected" });
    expect(res.headers()["x-request-id"]).toBeTruthy();
  }
});
