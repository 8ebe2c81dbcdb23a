import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * Checks answers against the document (used by the contract tests, never by the app): the
 * document is validated against the OpenAPI 3.1 schema, its `$ref`s resolved, and each
 * response schema compiled with a JSON Schema 2020-12 validator (OpenAPI 3.1's dialect).
 */

export const HTTP_METHODS = ["get", "put", "post", "patch", "delete"] as const;
export type DocumentMethod = (typeof HTTP_METHODS)[number];

type JsonObject = Record<string, unknown>;

export type DocumentOperation = {
  path: string;
  method: DocumentMethod;
  operation: JsonObject & {
    operationId: string;
    security?: Record<string, string[]>[];
    parameters?: { in: string; name: string; required?: boolean; schema?: JsonObject }[];
    requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject; examples?: Record<string, { value: unknown }> }> };
    responses: Record<string, { content?: Record<string, { schema?: JsonObject; example?: unknown }> }>;
  };
};

export type AnswerCheck = { ok: true } | { ok: false; reason: string };

export async function validateOpenApiDocument(document: object) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as JsonObject);
  return { ...result, version: validator.version, resolve: () => validator.resolveRefs() as JsonObject };
}

export async function createAnswerValidator(document: object) {
  const validated = await validateOpenApiDocument(document);
  if (!validated.valid) throw new Error(`Invalid OpenAPI document: ${JSON.stringify(validated.errors, null, 2)}`);
  const resolved = validated.resolve();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<object, ValidateFunction>();
  const compile = (schema: object) => {
    let fn = compiled.get(schema);
    if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
    return fn;
  };

  const paths = resolved.paths as Record<string, Partial<Record<DocumentMethod, DocumentOperation["operation"]>>>;
  const operations: DocumentOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) operations.push({ path, method, operation });
    }
  }

  function find(path: string, method: string): DocumentOperation | undefined {
    return operations.find((o) => o.path === path && o.method === method.toLowerCase());
  }

  /** Whether `body`, answered with `status`, is what the document promises for this operation. */
  function check(path: string, method: string, status: number, body: unknown): AnswerCheck {
    const found = find(path, method);
    if (!found) return { ok: false, reason: `${method.toUpperCase()} ${path} is not documented` };
    const response = found.operation.responses[String(status)];
    if (!response) {
      return {
        ok: false,
        reason: `${method.toUpperCase()} ${path} answered ${status}, not documented (documented: ${Object.keys(found.operation.responses).join(", ")}); body: ${JSON.stringify(body)}`,
      };
    }
    const content = response.content ?? {};
    const schema = content["application/json"]?.schema;
    if (!schema) {
      // Non-JSON answers (an HTML page) are checked by their status only.
      if (Object.keys(content).length > 0) return { ok: true };
      return body === undefined || body === "" ? { ok: true } : { ok: false, reason: `${status} is documented without a body` };
    }
    const validate = compile(schema);
    if (validate(body)) return { ok: true };
    return {
      ok: false,
      reason: `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors, { separator: "; " })}; body: ${JSON.stringify(body)}`,
    };
  }

  /** Validates any value against a schema of the resolved document (examples). */
  function checkSchema(schema: object, value: unknown): AnswerCheck {
    const validate = compile(schema);
    return validate(value) ? { ok: true } : { ok: false, reason: ajv.errorsText(validate.errors, { separator: "; " }) };
  }

  return { document: resolved, version: validated.version, operations, find, check, checkSchema };
}
