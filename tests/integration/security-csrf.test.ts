import { describe, expect, it } from "vitest";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";
import { browserCookie, exampleBody, fillPath, label, PROTECTED_OPERATIONS, WRITE_METHODS } from "./security-helpers";

/**
 * Security suite, CSRF: every cookie-accepting write route (enumerated from the OpenAPI
 * operations) refuses a request whose Origin is foreign or "null", or that has no Origin
 * and says Sec-Fetch-Site: cross-site (403 CSRF_FAILED, nothing changed); the same request
 * from the portal's own origin gets past the check, and a bearer call is unaffected.
 */
const WRITES = PROTECTED_OPERATIONS.filter((o) => WRITE_METHODS.has(o.method));
const HOSTILE: [string, Record<string, string>][] = [
  ["a foreign Origin", { origin: "https://evil.example" }],
  ["Origin: null", { origin: "null" }],
  ["a look-alike Origin", { origin: "http://localhost:3000.evil.example" }],
  ["no Origin, Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
  ["no Origin and no Sec-Fetch-Site", {}],
];

describe("CSRF on cookie-authenticated writes", () => {
  it("enumerates the protected write routes", () => {
    expect(WRITES.length).toBeGreaterThan(20);
  });

  it.each(WRITES.map((o) => [label(o), o] as const))("%s refuses cross-site cookie writes, accepts same-origin and bearer", async (_name, operation) => {
    const { user } = await createUser();
    const { cookie } = await browserCookie(user);
    const path = fillPath(operation, { email: user.email });
    const json = exampleBody(operation);
    for (const [why, headers] of HOSTILE) {
      const res = await api.request(operation.method.toUpperCase(), path, { json, headers: { cookie, ...headers } });
      expect({ why, status: res.status, error: (res.body as { error?: string }).error }).toEqual({ why, status: 403, error: "CSRF_FAILED" });
    }
    // The portal's own pages pass the check (whatever the route then answers, it is not CSRF_FAILED).
    const same = await api.request(operation.method.toUpperCase(), path, { json, headers: { cookie, origin: "http://localhost:3000" } });
    expect((same.body as { error?: string }).error).not.toBe("CSRF_FAILED");
    const fetchSite = await api.request(operation.method.toUpperCase(), path, { json, headers: { cookie, "sec-fetch-site": "same-origin" } });
    expect((fetchSite.body as { error?: string }).error).not.toBe("CSRF_FAILED");

    // A bearer call carries no ambient credential: a foreign Origin changes nothing.
    const other = await createUser();
    const { accessToken } = await signInApi(other.user);
    const bearerPath = fillPath(operation, { email: other.user.email });
    const bearer = await api.request(operation.method.toUpperCase(), bearerPath, { json, token: accessToken, headers: { origin: "https://evil.example" } });
    expect(bearer.status).not.toBe(403);
  });

  it("a refused cross-site write changes nothing (profile update)", async () => {
    const { user } = await createUser({ firstName: "Before" });
    const { cookie } = await browserCookie(user);
    const res = await api.put("/api/users/profile", { firstName: "Hacked" }, { headers: { cookie, origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    const { prisma } = await import("@/lib/db/client");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("Before");
  });
});
