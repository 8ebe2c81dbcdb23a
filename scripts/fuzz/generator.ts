import type { DocumentOperation } from "@/tests/support/answer-validator";

/**
 * The fuzz cases of every documented operation, derived from the OpenAPI document alone
 * (paths, methods, security, request body schemas and examples, path and query parameters),
 * so a route added to `lib/openapi/operations/*` is fuzzed without touching this file.
 * Each case is built lazily (some bodies weigh more than a megabyte) from its own seed, so
 * `--seed S --only <operationId> --case <n>` replays exactly one request.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  example?: unknown;
};

/** Who the request comes from: nobody, the fuzz user's bearer token, or its session cookie. */
export type FuzzAuth = "none" | "bearer" | "cookie" | "bad-bearer" | "bad-cookie";

export type FuzzRequest = {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  auth: FuzzAuth;
  headers: Record<string, string>;
  body?: Uint8Array;
};

export type FuzzCase = {
  /** `<operationId>#<n>`: with the seed, enough to replay it. */
  id: string;
  operationId: string;
  method: string;
  /** The documented path (`{param}` style) the answer is checked against. */
  documentPath: string;
  kind: string;
  /**
   * `strict`: the answer must be documented for the operation and in its envelope.
   * `loose`: the request may not reach this route at all (a path that no longer matches
   * it), so only "no 5xx, no leak" applies.
   */
  check: "strict" | "loose";
  /**
   * A known framework bug this case would trip before any route code runs (proxy.ts
   * answers 400 first); a 500 is still a failure, listed under the bug.
   */
  upstream?: string;
  build(ctx: FuzzContext): FuzzRequest;
};

/** What a case needs to know about the run: the fuzz user, for ids and emails it owns. */
export type FuzzContext = { email: string; sessionId: string; origin: string };

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to derive one seed per operation and case. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
};

/** Strings that have broken parsers, databases and mailers before. */
const HOSTILE_STRINGS = [
  "a\u0000b",
  "\u0000",
  "\u0001\u0002\u0007\b\u001b[31m\u007f",
  "line\r\nInjected-Header: 1",
  "a@b.c\r\nBcc: x@y.z",
  "a@b.c\nBcc: x@y.z",
  "\ud800",
  "x\udfffy",
  "\ufeff\u200b\u200e\u202e\u2028\u2029",
  "Ünïcödé 漢字 😀 ﷽",
  "' OR 1=1 --",
  "\"; DROP TABLE \"User\"; --",
  "${7*7}{{7*7}}<%= 7*7 %>",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "__proto__",
  "constructor",
  "%00%0d%0a",
  " ",
  "",
] as const;

/** Values in place of a scalar: wrong types and Prisma's operator objects. */
const WRONG_VALUES: readonly { kind: string; value: unknown }[] = [
  { kind: "number", value: 12345 },
  { kind: "negative", value: -1 },
  { kind: "float", value: 1.5e300 },
  { kind: "true", value: true },
  { kind: "false", value: false },
  { kind: "null", value: null },
  { kind: "array", value: ["a", "b"] },
  { kind: "empty-array", value: [] },
  { kind: "object", value: { a: 1 } },
  { kind: "empty-object", value: {} },
  { kind: "prisma-contains", value: { contains: "" } },
  { kind: "prisma-not-null", value: { not: null } },
  { kind: "prisma-in", value: { in: ["a@example.com", "b@example.com"] } },
  { kind: "prisma-equals", value: { equals: "x" } },
  { kind: "prisma-gt", value: { gt: "" } },
  { kind: "prisma-startsWith", value: { startsWith: "", mode: "insensitive" } },
  { kind: "prisma-set", value: { set: "x" } },
  { kind: "prisma-connect", value: { connect: { id: "x" } } },
];

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=xyz",
  "application/jsonx",
  "application/json; charset=utf-16",
  "application/xml",
  "*/*",
  "",
];

const BROKEN_JSON = [
  "{",
  '{"a":',
  "{'a': 1}",
  '{"a": 1,}',
  "[1, 2",
  "nul",
  "{\"a\": \"\\x41\"}",
  '{"a": 01}',
  "\u0000",
  '{"a":1}{"b":2}',
  "\ufeff{}",
  "NaN",
  "1e999",
];

const PATH_VALUES = [
  "../../../etc/passwd",
  "..",
  "%2e%2e%2f%2e%2e%2f",
  "a\u0000b",
  "%00",
  "x".repeat(10_000),
  "ü漢字😀",
  "\ud800",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "*",
  "' OR '1'='1",
  '{"in":[]}',
  "a@b.c\r\nBcc: x@y.z",
  " ",
  "0",
  "-1",
  "cm3x9f2ka0000l208abcdefgh",
];

const QUERY_VALUES = ["-1", "0", "1e309", "abc", "99999999999999999999", "1.5", "", "%00", "[]", "{}", "NaN", "Infinity", "0x10", " 1 "];

/** Property names the schema declares (through anyOf/oneOf/allOf too) and the example uses. */
export function fieldsOf(schema: JsonSchema | undefined, example: unknown): string[] {
  const names = new Set<string>();
  const walk = (s: JsonSchema | undefined, depth: number) => {
    if (!s || depth > 4) return;
    for (const name of Object.keys(s.properties ?? {})) names.add(name);
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub, depth + 1);
  };
  walk(schema, 0);
  if (example && typeof example === "object" && !Array.isArray(example)) for (const name of Object.keys(example)) names.add(name);
  return [...names];
}

type Shape = {
  operation: DocumentOperation;
  secured: boolean;
  optional: boolean;
  contentType?: string;
  example: Record<string, unknown>;
  fields: string[];
  pathParams: string[];
  queryParams: string[];
};

function shapeOf(op: DocumentOperation): Shape {
  const security = op.operation.security ?? [];
  const content = op.operation.requestBody?.content ?? {};
  const contentType = Object.keys(content)[0];
  const media = contentType ? content[contentType] : undefined;
  const rawExample = media?.examples ? Object.values(media.examples)[0]?.value : undefined;
  const example = rawExample && typeof rawExample === "object" && !Array.isArray(rawExample) ? (rawExample as Record<string, unknown>) : {};
  const params = op.operation.parameters ?? [];
  return {
    operation: op,
    secured: security.length > 0,
    optional: security.some((s) => Object.keys(s).length === 0),
    contentType,
    example,
    fields: fieldsOf(media?.schema as JsonSchema | undefined, example),
    pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
    queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
  };
}

/** A JSON body as bytes; `__proto__` as a real key (an object literal would set the prototype). */
function jsonText(value: unknown, protoKey?: unknown): string {
  const text = JSON.stringify(value);
  if (protoKey === undefined) return text;
  const inner = `"__proto__":${JSON.stringify(protoKey)}`;
  return text === "{}" ? `{${inner}}` : `{${inner},${text.slice(1)}`;
}

function nested(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** `core` cases are always part of a sample: one of each failure class found so far. */
type Maker = { kind: string; check?: "loose"; core?: boolean; upstream?: string; build: (ctx: FuzzContext, random: Random) => Omit<FuzzRequest, "method"> };

function makersFor(shape: Shape, bodyLimit: number): Maker[] {
  const op = shape.operation;
  const method = op.method.toUpperCase();
  const makers: Maker[] = [];
  // The credential a case uses to reach the handler's own checks.
  const auth: FuzzAuth = shape.secured && !shape.optional ? "bearer" : "none";

  const pathWith = (ctx: FuzzContext, override?: { name: string; raw: string }) =>
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (override && override.name === name) return override.raw;
      if (name === "email") return encodeURIComponent(ctx.email);
      if (name === "id" && op.path.startsWith("/api/sessions")) return encodeURIComponent(ctx.sessionId);
      const param = op.operation.parameters?.find((p) => p.in === "path" && p.name === name);
      const example = param?.schema?.example;
      return encodeURIComponent(typeof example === "string" ? example : "example");
    });

  const jsonHeaders = (ctx: FuzzContext, extra: Record<string, string> = {}) => ({ "content-type": "application/json", origin: ctx.origin, ...extra });
  const withBody = (ctx: FuzzContext, body: Uint8Array | string, headers: Record<string, string> = jsonHeaders(ctx)) => ({
    path: pathWith(ctx),
    auth,
    headers,
    body: typeof body === "string" ? utf8(body) : body,
  });

  // Credentials: none, broken, and the cookie session.
  makers.push({ kind: "auth:none", build: (ctx) => ({ ...baseRequest(ctx), auth: "none" }) });
  makers.push({ kind: "auth:bad-bearer", build: (ctx) => ({ ...baseRequest(ctx), auth: "bad-bearer" }) });
  makers.push({ kind: "auth:bad-cookie", build: (ctx) => ({ ...baseRequest(ctx), auth: "bad-cookie" }) });
  makers.push({
    kind: "auth:malformed-header",
    build: (ctx, random) => {
      const value = pick(random, ["Bearer", "Bearer  ", "Basic YTpi", "Bearer a.b.c", `Bearer ${"x".repeat(8_000)}`, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "bearer\ttoken"]);
      return { ...baseRequest(ctx), auth: "none", headers: { ...baseRequest(ctx).headers, authorization: value } };
    },
  });
  if (shape.secured) {
    makers.push({ kind: "auth:cookie", core: true, build: (ctx) => ({ ...baseRequest(ctx), auth: "cookie" }) });
    if (method !== "GET") {
      makers.push({
        kind: "auth:cookie-cross-site",
        build: (ctx) => {
          const base = baseRequest(ctx);
          return { ...base, auth: "cookie", headers: { ...base.headers, origin: "https://evil.example", "sec-fetch-site": "cross-site" } };
        },
      });
    }
  }
  // Headers every route reads.
  makers.push({
    kind: "header:accept-language",
    build: (ctx, random) => {
      const base = baseRequest(ctx);
      const value = pick(random, ["*;q=abc", "x".repeat(5_000), "fr;q=2, en;q=-1", ",,,;;;", "zz-ZZ", "en;q=0.5".repeat(500)]);
      return { ...base, headers: { ...base.headers, "accept-language": value } };
    },
  });
  makers.push({
    kind: "header:forwarded",
    build: (ctx, random) => {
      const base = baseRequest(ctx);
      const value = pick(random, ["not-an-ip", "::1, 10.0.0.1, ", "1".repeat(2_000), "%00", "256.256.256.256"]);
      return {
        ...base,
        headers: { ...base.headers, "x-forwarded-for": value, "x-real-ip": value, "user-agent": "A".repeat(4_000), "x-vercel-ip-city": "%E0%A4%A", "x-vercel-ip-country": "ZZ" },
      };
    },
  });

  function baseRequest(ctx: FuzzContext): Omit<FuzzRequest, "method"> {
    if (shape.contentType === "application/json") return withBody(ctx, JSON.stringify(shape.example));
    return { path: pathWith(ctx), auth, headers: { origin: ctx.origin } };
  }

  // Path parameters: traversal, NUL, very long, unicode, operator-looking.
  for (const name of shape.pathParams) {
    for (const value of PATH_VALUES) {
      // ".." and an unencodable lone surrogate leave the route (URL normalisation, a
      // percent-encoding no server decodes): only "no 5xx, no leak" applies to them.
      const leaves = value === ".." || value === "\ud800";
      makers.push({
        kind: `path:${name}:${JSON.stringify(value).slice(1, 25)}`,
        ...(leaves ? { check: "loose" as const, upstream: NEXT_UNDECODABLE } : {}),
        ...(value === "a\u0000b" ? { core: true } : {}),
        build: (ctx) => ({ ...baseRequest(ctx), path: pathWith(ctx, { name, raw: encodePathValue(value) }) }),
      });
    }
    makers.push({ kind: `path:${name}:malformed-percent`, check: "loose", upstream: NEXT_UNDECODABLE, build: (ctx) => ({ ...baseRequest(ctx), path: pathWith(ctx, { name, raw: "%E0%A4%A" }) }) });
    makers.push({ kind: `path:${name}:lone-percent`, check: "loose", upstream: NEXT_UNDECODABLE, build: (ctx) => ({ ...baseRequest(ctx), path: pathWith(ctx, { name, raw: "%" }) }) });
    makers.push({ kind: `path:${name}:raw-dotdot`, check: "loose", build: (ctx) => ({ ...baseRequest(ctx), path: pathWith(ctx, { name, raw: "%2e%2e/%2e%2e/api/health" }) }) });
  }

  // Query parameters: each one hostile, repeated, bracketed like an operator.
  for (const name of shape.queryParams) {
    for (const value of QUERY_VALUES) {
      makers.push({ kind: `query:${name}=${value}`, build: (ctx) => ({ ...baseRequest(ctx), path: `${pathWith(ctx)}?${name}=${encodeURIComponent(value)}` }) });
    }
    makers.push({ kind: `query:${name}:repeated`, build: (ctx) => ({ ...baseRequest(ctx), path: `${pathWith(ctx)}?${name}=1&${name}=2` }) });
    makers.push({ kind: `query:${name}:operator`, build: (ctx) => ({ ...baseRequest(ctx), path: `${pathWith(ctx)}?${name}[gt]=1&${name}[in][]=2` }) });
    makers.push({ kind: `query:${name}:huge`, build: (ctx) => ({ ...baseRequest(ctx), path: `${pathWith(ctx)}?${name}=${"9".repeat(5_000)}` }) });
  }

  if (shape.contentType === "application/json") {
    for (const text of BROKEN_JSON) makers.push({ kind: `json:broken:${text.slice(0, 12)}`, ...(text === "{" ? { core: true } : {}), build: (ctx) => withBody(ctx, text) });
    for (const value of [null, [], ["not", "an", "object"], "string", 42, true, [shape.example]]) {
      makers.push({ kind: `json:top-level:${JSON.stringify(value).slice(0, 16)}`, build: (ctx) => withBody(ctx, JSON.stringify(value)) });
    }
    for (const type of CONTENT_TYPES) {
      makers.push({
        kind: `content-type:${type || "(none)"}`,
        build: (ctx) => {
          const headers: Record<string, string> = { origin: ctx.origin };
          if (type) headers["content-type"] = type;
          return withBody(ctx, type.includes("urlencoded") ? "email=a%40b.c&password=x" : JSON.stringify(shape.example), headers);
        },
      });
    }
    makers.push({ kind: "json:invalid-utf8", build: (ctx) => withBody(ctx, concat(utf8('{"a":"'), new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), utf8('"}'))) });
    makers.push({ kind: "json:deep-nesting", build: (ctx) => withBody(ctx, nested(100_000)) });
    makers.push({ kind: "json:deep-nesting-object", build: (ctx) => withBody(ctx, `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`) });
    makers.push({ kind: "json:proto", core: true, build: (ctx) => withBody(ctx, jsonText(shape.example, { polluted: "yes", isAdmin: true })) });
    makers.push({ kind: "json:constructor-prototype", build: (ctx) => withBody(ctx, JSON.stringify({ ...shape.example, constructor: { prototype: { polluted: "yes" } } })) });
    makers.push({ kind: "json:unknown-fields", build: (ctx) => withBody(ctx, JSON.stringify({ ...shape.example, role: "ADMIN", isAdmin: true, passwordHash: "x", id: "x", userId: "x" })) });
    makers.push({ kind: "json:over-limit", core: true, build: (ctx) => withBody(ctx, JSON.stringify({ ...shape.example, pad: "x".repeat(bodyLimit + 10) })) });
    makers.push({
      kind: "json:length-lie",
      build: (ctx) => ({ ...withBody(ctx, JSON.stringify(shape.example)), headers: { ...jsonHeaders(ctx), "content-length": String(bodyLimit * 4) } }),
    });
    makers.push({ kind: "json:empty-object", build: (ctx) => withBody(ctx, "{}") });
    makers.push({ kind: "json:whitespace", build: (ctx) => withBody(ctx, " \n\t ") });
    makers.push({ kind: "json:cookie-session", build: (ctx) => ({ ...withBody(ctx, JSON.stringify(shape.example)), auth: shape.secured ? "cookie" : "none" }) });

    for (const field of shape.fields) {
      const set = (value: unknown) => (ctx: FuzzContext) => withBody(ctx, JSON.stringify({ ...shape.example, [field]: value }));
      for (const wrong of WRONG_VALUES) makers.push({ kind: `field:${field}:${wrong.kind}`, ...(wrong.kind === "prisma-contains" ? { core: true } : {}), build: set(wrong.value) });
      for (const text of HOSTILE_STRINGS) {
        makers.push({ kind: `field:${field}:string:${JSON.stringify(text).slice(1, 20)}`, ...(text === "a\u0000b" ? { core: true } : {}), build: set(text) });
      }
      makers.push({ kind: `field:${field}:huge-under-limit`, build: set("A".repeat(Math.max(1, bodyLimit - 4_096 - JSON.stringify(shape.example).length))) });
      makers.push({ kind: `field:${field}:huge-over-limit`, build: set("A".repeat(bodyLimit + 1)) });
      makers.push({ kind: `field:${field}:long-email`, build: set(`${"a".repeat(300)}@${"b".repeat(300)}.com`) });
      makers.push({ kind: `field:${field}:deep`, build: (ctx) => withBody(ctx, `{"${field}":${nested(5_000)}}`) });
      makers.push({
        kind: `field:${field}:invalid-utf8`,
        build: (ctx) => {
          const rest = { ...shape.example };
          delete rest[field];
          const tail = JSON.stringify(rest);
          return withBody(ctx, concat(utf8(`{"${field}":"`), new Uint8Array([0xc3, 0x28, 0xf0, 0x28, 0x8c, 0xbc]), utf8(tail === "{}" ? '"}' : `",${tail.slice(1)}`)));
        },
      });
      makers.push({ kind: `field:${field}:lone-surrogate-escape`, build: (ctx) => withBody(ctx, `{"${field}":"\\ud800\\u0000x"}`) });
      makers.push({
        kind: `field:${field}:missing`,
        build: (ctx) => {
          const rest = { ...shape.example };
          delete rest[field];
          return withBody(ctx, JSON.stringify(rest));
        },
      });
      makers.push({ kind: `field:${field}:proto-inside`, build: set(JSON.parse('{"__proto__":{"polluted":"yes"}}')) });
    }
    // Random combinations: several fields wrong at once.
    makers.push({
      kind: "json:random-mix",
      build: (ctx, random) => {
        const body: Record<string, unknown> = { ...shape.example };
        for (const field of shape.fields) {
          if (random() < 0.5) body[field] = random() < 0.5 ? pick(random, WRONG_VALUES).value : pick(random, HOSTILE_STRINGS);
        }
        return withBody(ctx, JSON.stringify(body));
      },
    });
  }

  if (shape.contentType === "multipart/form-data") {
    const field = shape.fields[0] ?? "file";
    const multipart = (ctx: FuzzContext, body: string | Uint8Array, type: string) => ({
      path: pathWith(ctx),
      auth,
      headers: { "content-type": type, origin: ctx.origin },
      body: typeof body === "string" ? utf8(body) : body,
    });
    const part = (name: string, content: string | Uint8Array, filename?: string, type = "application/octet-stream") =>
      concat(
        utf8(`--B\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ""}\r\nContent-Type: ${type}\r\n\r\n`),
        typeof content === "string" ? utf8(content) : content,
        utf8("\r\n"),
      );
    makers.push({ kind: "multipart:no-boundary", build: (ctx) => multipart(ctx, "garbage", "multipart/form-data") });
    makers.push({ kind: "multipart:wrong-boundary", build: (ctx) => multipart(ctx, concat(part(field, "x", "a.png"), utf8("--B--\r\n")), "multipart/form-data; boundary=Z") });
    makers.push({ kind: "multipart:truncated", build: (ctx) => multipart(ctx, part(field, "x", "a.png"), "multipart/form-data; boundary=B") });
    makers.push({ kind: "multipart:empty", build: (ctx) => multipart(ctx, "--B--\r\n", "multipart/form-data; boundary=B") });
    makers.push({ kind: "multipart:text-field", build: (ctx) => multipart(ctx, concat(part(field, "not a file"), utf8("--B--\r\n")), "multipart/form-data; boundary=B") });
    makers.push({ kind: "multipart:not-an-image", build: (ctx) => multipart(ctx, concat(part(field, "%PDF-1.4 hello", "a.png", "image/png"), utf8("--B--\r\n")), "multipart/form-data; boundary=B") });
    makers.push({
      kind: "multipart:hostile-filename",
      build: (ctx) => multipart(ctx, concat(part(field, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "../../a\u0000.png\r\nX: y", "image/png"), utf8("--B--\r\n")), "multipart/form-data; boundary=B"),
    });
    makers.push({ kind: "multipart:json-instead", build: (ctx) => multipart(ctx, JSON.stringify({ [field]: "x" }), "application/json") });
    makers.push({
      kind: "multipart:over-limit",
      build: (ctx) => multipart(ctx, concat(part(field, new Uint8Array(6 * 1024 * 1024 + 7), "big.png", "image/png"), utf8("--B--\r\n")), "multipart/form-data; boundary=B"),
    });
    makers.push({ kind: "multipart:invalid-utf8-name", build: (ctx) => multipart(ctx, concat(utf8('--B\r\nContent-Disposition: form-data; name="'), new Uint8Array([0xff, 0xfe]), utf8('"\r\n\r\nx\r\n--B--\r\n')), "multipart/form-data; boundary=B") });
  }

  if (!shape.contentType && method !== "GET") {
    // Body-less writes: a body anyway, of every kind.
    makers.push({ kind: "unexpected-body:json", build: (ctx) => ({ ...baseRequest(ctx), headers: jsonHeaders(ctx), body: utf8('{"__proto__":{"polluted":"yes"},"email":{"contains":""}}') }) });
    makers.push({ kind: "unexpected-body:broken", build: (ctx) => ({ ...baseRequest(ctx), headers: jsonHeaders(ctx), body: utf8("{") }) });
    makers.push({ kind: "unexpected-body:huge", build: (ctx) => ({ ...baseRequest(ctx), headers: jsonHeaders(ctx), body: utf8(`"${"x".repeat(bodyLimit + 10)}"`) }) });
  }
  return makers;
}

/**
 * Next.js (16.4) answers a plain-text 500 for a dynamic segment whose percent-encoding is
 * not valid UTF-8, in its router, before the route handler runs:
 * https://github.com/vercel/next.js/issues/92527 (fix proposed in #92557). proxy.ts runs
 * earlier and answers 400 in the envelope.
 */
export const NEXT_UNDECODABLE = "vercel/next.js#92527";

/** Path values are sent percent-encoded, except the ones that are already an encoding trick. */
function encodePathValue(value: string): string {
  if (/^%|%2e/.test(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be encoded: send its UTF-8 replacement's bytes as they come.
    return "%ED%A0%80";
  }
}

export type GenerateOptions = {
  seed: number;
  /** At most this many cases per operation (a seeded sample); every case when omitted. */
  perRoute?: number;
  /** Only these operationIds. */
  only?: string[];
  bodyLimit: number;
};

/** Every operation's cases, in document order. */
export function generateCases(operations: readonly DocumentOperation[], options: GenerateOptions): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const op of operations) {
    const operationId = op.operation.operationId;
    if (options.only && !options.only.includes(operationId)) continue;
    const shape = shapeOf(op);
    const makers = makersFor(shape, options.bodyLimit);
    const chosen = sample(makers, options.perRoute, prng(hash32(`${options.seed}:${operationId}`)));
    for (const { maker, index } of chosen) {
      cases.push({
        id: `${operationId}#${index}`,
        operationId,
        method: op.method.toUpperCase(),
        documentPath: op.path,
        kind: maker.kind,
        check: maker.check ?? "strict",
        ...(maker.upstream ? { upstream: maker.upstream } : {}),
        build: (ctx) => ({ method: op.method.toUpperCase(), ...maker.build(ctx, prng(hash32(`${options.seed}:${operationId}:${index}`))) }),
      });
    }
  }
  return cases;
}

/**
 * A seeded sample of `n` makers plus every `core` one, keeping their catalogue index (the
 * case number).
 */
function sample(makers: Maker[], n: number | undefined, random: Random): { maker: Maker; index: number }[] {
  const indexed = makers.map((maker, index) => ({ maker, index }));
  if (n === undefined || n >= indexed.length) return indexed;
  const core = indexed.filter((m) => m.maker.core);
  const rest = indexed.filter((m) => !m.maker.core);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...core, ...rest.slice(0, n)].sort((a, b) => a.index - b.index);
}
