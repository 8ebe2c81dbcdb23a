import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/core/error-codes";
import { createAnswerValidator, validateOpenApiDocument } from "@/tests/support/answer-validator";
import { buildOpenApiDocument } from "@/lib/openapi/document";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validateOpenApiDocument(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.version).toBe("3.1");
  });

  it("names every operation once, with a summary and a tag", async () => {
    const { operations } = await createAnswerValidator(document);
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      expect(operation.summary, `${method} ${path}`).toBeTruthy();
      expect((operation.tags as string[] | undefined)?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it("documents the bearer and cookie schemes, and every secured operation accepts both", async () => {
    const { operations, document: resolved } = await createAnswerValidator(document);
    const schemes = (resolved.components as { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> }).securitySchemes;
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });
    for (const { path, method, operation } of operations) {
      const security = operation.security ?? [];
      if (security.length === 0) continue;
      const optional = security.some((s) => Object.keys(s).length === 0);
      const schemesUsed = security.flatMap((s) => Object.keys(s)).sort();
      expect(schemesUsed, `${method} ${path}`).toEqual(["bearerAuth", "cookieAuth"]);
      if (!optional) expect(operation.responses["401"], `${method} ${path} documents 401`).toBeDefined();
    }
  });

  it("describes errors with the one envelope, whose codes are the catalogue's", async () => {
    const { operations, checkSchema } = await createAnswerValidator(document);
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const code = Object.entries(ERROR_CODES).find(([, entry]) => String(entry.status) === status)?.[0];
        if (!code || status === "503" && path.endsWith("/health")) continue;
        const schema = response.content?.["application/json"]?.schema;
        expect(schema, `${method} ${path} ${status}`).toBeDefined();
        const sample = { success: false, statusCode: Number(status), error: code, message: "x" };
        expect(checkSchema(schema!, sample), `${method} ${path} ${status}`).toEqual({ ok: true });
        expect(checkSchema(schema!, { ...sample, error: "NOT_A_CODE" }).ok).toBe(false);
      }
    }
  });

  it("refuses answers with undocumented fields or missing ones", async () => {
    const { check } = await createAnswerValidator(document);
    expect(check("/api/health", "get", 200, { status: "ok", database: "connected" })).toEqual({ ok: true });
    expect(check("/api/health", "get", 200, { status: "ok", database: "connected", mongodb: "connected" }).ok).toBe(false);
    expect(check("/api/health", "get", 200, { status: "ok" }).ok).toBe(false);
    expect(check("/api/health", "get", 418, { status: "ok", database: "connected" }).ok).toBe(false);
  });

  it("has examples that match their own schemas", async () => {
    const { operations, checkSchema } = await createAnswerValidator(document);
    let checked = 0;
    for (const { path, method, operation } of operations) {
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (type !== "application/json" || !media.schema) continue;
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          expect(checkSchema(media.schema, example.value), `${method} ${path} request example ${name}`).toEqual({ ok: true });
          checked++;
        }
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const media = response.content?.["application/json"] as
          | { schema?: object; example?: unknown; examples?: Record<string, { value: unknown }> }
          | undefined;
        if (!media?.schema) continue;
        const values = [
          ...(media.example !== undefined ? [["example", media.example] as const] : []),
          ...Object.entries(media.examples ?? {}).map(([name, e]) => [name, e.value] as const),
        ];
        for (const [name, value] of values) {
          expect(checkSchema(media.schema, value), `${method} ${path} ${status} example ${name}`).toEqual({ ok: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
