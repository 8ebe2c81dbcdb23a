import { ERROR_CODES, type ErrorCode } from "@/lib/core/error-codes";
import { createAnswerValidator } from "@/tests/support/answer-validator";
import { generateCases, type FuzzCase, type FuzzContext, type FuzzRequest } from "@/scripts/fuzz/generator";

/**
 * Runs the fuzz cases through a transport (the route handlers in-process, or a running
 * server) and judges every answer: no 5xx, every error in the contract envelope with a
 * status the operation documents, nothing that looks like a stack trace or an internal
 * message, and the server still healthy at the end.
 */

export type FuzzAnswer = { status: number; contentType: string; text: string };

export type FuzzTransport = {
  send(request: { method: string; path: string; headers: Record<string, string>; body?: Uint8Array }): Promise<FuzzAnswer>;
  /** The Auth.js session cookie (`name=value`) naming this session row. */
  cookieFor(sessionId: string): Promise<string>;
  /** The portal's own origin, sent as `Origin` on cookie writes. */
  origin: string;
};

export type FuzzFailure = { id: string; kind: string; method: string; path: string; auth: string; status: number; problems: string[]; excerpt: string };

export type FuzzReport = {
  seed: number;
  operations: number;
  cases: number;
  /** Every request sent, the fuzz accounts' set-up included. */
  requests: number;
  statuses: Record<string, number>;
  /** Documented 5xx answers that say a provider is not configured here (not a crash). */
  unavailable: Record<string, number>;
  failures: FuzzFailure[];
  healthAfter: number;
  /** 500s answered by the framework itself for a known upstream bug, by bug: the cases. */
  upstream: Record<string, string[]>;
  /** Loose cases the transport could not route at all (in-process only). */
  unroutable: number;
  prototypePolluted: boolean;
  ms: number;
};

export type FuzzOptions = {
  seed: number;
  perRoute?: number;
  only?: string[];
  /** Exact case ids (`operationId#n`) to replay. */
  cases?: string[];
  bodyLimit?: number;
  /** Operations fuzzed in parallel (each has its own account). */
  concurrency?: number;
  /** Checks `Object.prototype` after each answer (meaningful in-process only). */
  checkPrototype?: boolean;
  log?: (line: string) => void;
};

const PASSWORD = "Fuzz-Passphrase-9431!";

/** 5xx codes that mean "not configured on this deployment", documented on their routes. */
const UNAVAILABLE_CODES = new Set<string>(["INTEGRATION_NOT_CONFIGURED", "PROVIDER_NOT_CONFIGURED"]);

/** What must never reach a client: stack frames, driver and framework internals, file paths. */
const LEAKS: { name: string; pattern: RegExp }[] = [
  { name: "stack frame", pattern: /\bat [\w$.<>]+ \(?[^)\s]*:\d+:\d+\)?/ },
  { name: "node_modules path", pattern: /node_modules/ },
  { name: "Prisma internals", pattern: /Prisma|prisma\.|PrismaClient|Invalid `/ },
  { name: "JS error name", pattern: /\b(TypeError|RangeError|ReferenceError|SyntaxError|URIError)\b/ },
  { name: "JSON.parse message", pattern: /Unexpected token .{0,40} JSON|Unexpected end of JSON input|in JSON at position \d+|Unexpected non-whitespace character/ },
  { name: "database error", pattern: /\b(ECONNREFUSED|duplicate key value|violates (unique|foreign key|not-null) constraint|invalid byte sequence|SQLSTATE|relation "\w+")/ },
  { name: "server path", pattern: /\/(work|home|app|var\/task)\/[\w.-]+\// },
  // Not the public chunk names of a page (`/_next/static/chunks/turbopack-x.js`): module ids and server bundle paths.
  { name: "bundler internals", pattern: /webpack-internal:|turbopack:\/\/|\[turbopack\]|\.next(-[\w-]+)?\/server\// },
];

export function leaksIn(text: string): string[] {
  return LEAKS.filter((l) => l.pattern.test(text)).map((l) => l.name);
}

const ENVELOPE_KEYS = new Set(["success", "statusCode", "error", "message", "details"]);

/** Problems with an error answer's body, measured against the one envelope (docs/contracts/README.md "Error envelope"). */
export function envelopeProblems(status: number, answer: FuzzAnswer): string[] {
  if (!/^application\/json\b/i.test(answer.contentType)) return [`error answer is not JSON (content-type ${answer.contentType || "none"})`];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return ["error answer does not parse as JSON"];
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return ["error answer is not an object"];
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  if (b.success !== false) problems.push("success is not false");
  if (b.statusCode !== status) problems.push(`statusCode ${String(b.statusCode)} differs from the HTTP status ${status}`);
  const code = b.error;
  if (typeof code !== "string" || !(code in ERROR_CODES)) problems.push(`error ${JSON.stringify(code)} is not a catalogued code`);
  else if (ERROR_CODES[code as ErrorCode].status !== status) problems.push(`code ${code} belongs to status ${ERROR_CODES[code as ErrorCode].status}, answered ${status}`);
  if (typeof b.message !== "string" || b.message === "") problems.push("message is missing");
  if (b.details !== undefined) {
    const d = b.details;
    if (!d || typeof d !== "object" || Array.isArray(d) || Object.values(d).some((v) => typeof v !== "string")) problems.push("details is not a map of strings");
  }
  const extra = Object.keys(b).filter((k) => !ENVELOPE_KEYS.has(k));
  if (extra.length) problems.push(`unexpected keys ${extra.join(", ")}`);
  return problems;
}

type Account = { email: string; accessToken: string; sessionId: string; cookie: string };

export async function runFuzz(document: object, transport: FuzzTransport, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const validator = await createAnswerValidator(document);
  let cases = generateCases(validator.operations, {
    seed: options.seed,
    perRoute: options.perRoute,
    only: options.only,
    bodyLimit: options.bodyLimit ?? 1_048_576,
  });
  if (options.cases?.length) cases = cases.filter((c) => options.cases!.includes(c.id));
  const report: FuzzReport = {
    seed: options.seed,
    operations: new Set(cases.map((c) => c.operationId)).size,
    cases: cases.length,
    requests: 0,
    statuses: {},
    unavailable: {},
    failures: [],
    healthAfter: 0,
    unroutable: 0,
    upstream: {},
    prototypePolluted: false,
    ms: 0,
  };

  async function send(request: { method: string; path: string; headers: Record<string, string>; body?: Uint8Array }) {
    report.requests += 1;
    return transport.send(request);
  }

  let accounts = 0;
  async function newAccount(): Promise<Account> {
    accounts += 1;
    const email = `fuzz.${options.seed}.${Date.now().toString(36)}.${accounts}@example.com`;
    const registered = await send({
      method: "POST",
      path: "/api/auth/register",
      headers: { "content-type": "application/json" },
      body: new TextEncoder().encode(JSON.stringify({ email, password: PASSWORD, name: "Fuzz User" })),
    });
    const accessToken = (JSON.parse(registered.text) as { accessToken?: string }).accessToken;
    if (registered.status !== 201 || !accessToken) throw new Error(`Could not register a fuzz account: ${registered.status} ${registered.text.slice(0, 300)}`);
    const listed = await send({ method: "GET", path: "/api/sessions", headers: { authorization: `Bearer ${accessToken}` } });
    const sessions = (JSON.parse(listed.text) as { data?: { sessions?: { id: string; isCurrent: boolean }[] } }).data?.sessions ?? [];
    const sessionId = sessions.find((s) => s.isCurrent)?.id;
    if (!sessionId) throw new Error(`No current session for the fuzz account: ${listed.text.slice(0, 300)}`);
    return { email, accessToken, sessionId, cookie: await transport.cookieFor(sessionId) };
  }

  function headersFor(request: FuzzRequest, account: Account): Record<string, string> {
    const headers: Record<string, string> = { ...request.headers };
    switch (request.auth) {
      case "bearer":
        headers.authorization ??= `Bearer ${account.accessToken}`;
        break;
      case "cookie":
        headers.cookie = account.cookie;
        break;
      case "bad-bearer":
        headers.authorization = `Bearer ${account.accessToken.slice(0, -4)}AAAA`;
        break;
      case "bad-cookie":
        headers.cookie = `authjs.session-token=${"e".repeat(300)}; __Secure-authjs.session-token=x.y.z`;
        break;
      case "none":
        break;
    }
    return headers;
  }

  function judge(c: FuzzCase, request: FuzzRequest, answer: FuzzAnswer): string[] {
    const problems: string[] = [];
    let body: unknown = answer.text;
    try {
      body = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      // not JSON
    }
    const code = body && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
    if (answer.status === 500 && c.upstream && /^text\/plain/i.test(answer.contentType)) {
      // The framework's own answer to a known bug: proxy.ts guards against it, so it is a
      // failure (listed under the bug too, to say where to look).
      report.upstream[c.upstream] = [...(report.upstream[c.upstream] ?? []), `${c.id} ${request.method} ${request.path.slice(0, 80)}`];
    }
    if (answer.status >= 500) {
      const documented = c.check === "strict" && validator.check(c.documentPath, c.method, answer.status, body).ok;
      if (documented && typeof code === "string" && UNAVAILABLE_CODES.has(code)) {
        report.unavailable[`${answer.status} ${code}`] = (report.unavailable[`${answer.status} ${code}`] ?? 0) + 1;
      } else {
        problems.push(`server error ${answer.status}`);
      }
    }
    const leaks = leaksIn(answer.text);
    if (leaks.length) problems.push(`answer leaks: ${leaks.join(", ")}`);
    if (c.check === "strict") {
      if (answer.status >= 400) problems.push(...envelopeProblems(answer.status, answer));
      const check = validator.check(c.documentPath, c.method, answer.status, body);
      if (!check.ok) problems.push(`not as documented: ${check.reason.slice(0, 400)}`);
    }
    if (options.checkPrototype) {
      const probe = {} as Record<string, unknown>;
      if (probe.polluted !== undefined || probe.isAdmin !== undefined) {
        report.prototypePolluted = true;
        problems.push("Object.prototype was polluted");
      }
    }
    void request;
    return problems;
  }

  const byOperation = new Map<string, FuzzCase[]>();
  for (const c of cases) byOperation.set(c.operationId, [...(byOperation.get(c.operationId) ?? []), c]);

  async function fuzzOperation(list: FuzzCase[]) {
    let account = await newAccount();
    for (const c of list) {
      const ctx: FuzzContext = { email: account.email, sessionId: account.sessionId, origin: transport.origin };
      const request = c.build(ctx);
      let answer: FuzzAnswer;
      try {
        answer = await send({ method: request.method, path: request.path, headers: headersFor(request, account), body: request.body });
      } catch (error) {
        // In-process, a path the router cannot even decode never reaches a handler; a
        // server answers it itself (and is judged on that answer).
        if (c.check === "loose") {
          report.unroutable += 1;
          continue;
        }
        report.failures.push({ id: c.id, kind: c.kind, method: c.method, path: request.path.slice(0, 200), auth: request.auth, status: 0, problems: [`transport error: ${String(error)}`], excerpt: "" });
        continue;
      }
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      const problems = judge(c, request, answer);
      if (problems.length) {
        report.failures.push({ id: c.id, kind: c.kind, method: c.method, path: request.path.slice(0, 200), auth: request.auth, status: answer.status, problems, excerpt: answer.text.slice(0, 300) });
        log(`FAIL ${c.id} ${c.kind}: ${answer.status} ${problems.join("; ")}`);
      }
      // A write that succeeded may have signed the account out, changed its password or
      // deleted it: the next cases get a fresh one so they still reach the handler's checks.
      if (c.method !== "GET" && answer.status < 400) account = await newAccount();
    }
  }

  const queue = [...byOperation.values()];
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, async () => {
    for (let list = queue.shift(); list; list = queue.shift()) await fuzzOperation(list);
  });
  await Promise.all(workers);

  const health = await send({ method: "GET", path: "/api/health", headers: {} });
  report.healthAfter = health.status;
  if (health.status !== 200) {
    report.failures.push({ id: "health", kind: "after", method: "GET", path: "/api/health", auth: "none", status: health.status, problems: ["the server is not healthy after the run"], excerpt: health.text.slice(0, 300) });
  }
  report.ms = Date.now() - started;
  return report;
}

/** The report as text: counts per status, then each failure with its replay command. */
export function formatReport(report: FuzzReport, replay: (id: string) => string): string {
  const lines = [
    `fuzz: seed ${report.seed}, ${report.operations} operations, ${report.cases} cases, ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s`,
    `statuses: ${Object.entries(report.statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ")}`,
  ];
  if (Object.keys(report.unavailable).length) lines.push(`documented "not configured" answers: ${Object.entries(report.unavailable).map(([k, n]) => `${k} x${n}`).join(", ")}`);
  for (const [bug, list] of Object.entries(report.upstream)) {
    lines.push(`framework 500s, known upstream bug ${bug} (no app code runs): ${list.length}, e.g. ${list.slice(0, 3).join("; ")}`);
  }
  if (report.unroutable) lines.push(`cases the in-process router could not decode (skipped): ${report.unroutable}`);
  lines.push(`health after the run: ${report.healthAfter}`);
  lines.push(`failures: ${report.failures.length}`);
  for (const f of report.failures.slice(0, 200)) {
    lines.push(`- ${f.id} [${f.kind}] ${f.method} ${f.path.slice(0, 120)} (auth ${f.auth}) -> ${f.status}: ${f.problems.join("; ")}`);
    if (f.excerpt) lines.push(`    body: ${f.excerpt.replace(/\s+/g, " ").slice(0, 200)}`);
    lines.push(`    replay: ${replay(f.id)}`);
  }
  return lines.join("\n");
}
