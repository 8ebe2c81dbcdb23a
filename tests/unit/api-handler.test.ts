import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/response";
import { validate } from "@/lib/validation/validate";

const schema = z.object({ email: z.email("email.invalid"), age: z.number().int() });
const echo = apiRoute(async ({ request, locale }) => jsonResponse(validate(schema, await readJson(request, 64), locale)));
const boom = apiRoute(async () => {
  throw new Error("SELECT secret FROM users -- db exploded");
});

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers });

afterEach(() => vi.restoreAllMocks());

describe("apiRoute", () => {
  it("answers malformed JSON with 400 INVALID_JSON in the envelope", async () => {
    const res = await echo(post("{not json"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ success: false, statusCode: 400, error: "INVALID_JSON", message: expect.any(String) });
  });

  it("refuses a body that is not declared as JSON", async () => {
    const res = await echo(post("email=a", { "content-type": "application/x-www-form-urlencoded" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("UNSUPPORTED_CONTENT_TYPE");
  });

  it("answers 413 when Content-Length is over the limit, before reading", async () => {
    const res = await echo(post("{}", { "content-type": "application/json", "content-length": "1000" }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 413 when a streamed body grows past the limit", async () => {
    const big = JSON.stringify({ email: "a@b.co", pad: "x".repeat(500) });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const req = new Request("http://localhost/api/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const res = await echo(req);
    expect(res.status).toBe(413);
  });

  it("maps a zod failure to 400 with a field-to-message details map, in French by default", async () => {
    const res = await echo(post(JSON.stringify({ email: "nope", age: "x" })));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, statusCode: 400, error: "VALIDATION_ERROR", message: "Données invalides" });
    expect(body.details.email).toBe("Format d'email invalide");
    expect(typeof body.details.age).toBe("string");
  });

  it("speaks English when Accept-Language prefers it", async () => {
    const req = post(JSON.stringify({ email: "nope", age: 1 }), { "content-type": "application/json", "accept-language": "en-GB,en;q=0.9,fr;q=0.5" });
    const body = await (await echo(req)).json();
    expect(body.message).toBe("Invalid data");
    expect(body.details.email).toBe("Invalid email format");
  });

  it("answers an unexpected throw with a generic 500 and logs it with the request id", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    process.env.LOG_LEVEL = "error";
    const { resetEnv } = await import("@/lib/core/env");
    resetEnv();
    const res = await boom(new Request("http://localhost/api/x", { headers: { "x-request-id": "req-12345678" } }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ success: false, statusCode: 500, error: "INTERNAL_ERROR", message: "Erreur interne du serveur" });
    expect(text).not.toMatch(/SELECT|exploded|at /);
    expect(res.headers.get("x-request-id")).toBe("req-12345678");
    expect(logged.mock.calls.flat().join("\n")).toMatch(/req-12345678.*db exploded|db exploded.*req-12345678/s);
    process.env.LOG_LEVEL = "silent";
    resetEnv();
  });

  it("sets x-request-id on every answer", async () => {
    const res = await echo(post(JSON.stringify({ email: "a@b.co", age: 3 })));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
