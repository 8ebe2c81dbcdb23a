import nextConfig from "@/next.config";
import { settleDeferredWork } from "@/lib/services/auth/after-response";

/**
 * Calls the real route handlers in-process, addressed by URL as a client would: the
 * route table is built from app/api/**\/route.ts (static segments before dynamic ones) and
 * next.config's rewrites are applied first, so `/auth/login` (seed 002) reaches the same
 * handler as in the running server. Integration tests use this; e2e tests use the server.
 */
type RouteModule = Partial<Record<string, (request: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>>>;

const modules = import.meta.glob<RouteModule>("/app/api/**/route.ts");

type Route = { pattern: string[]; load: () => Promise<RouteModule> };

const routes: Route[] = Object.entries(modules)
  .map(([file, load]) => ({
    pattern: file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").split("/").filter(Boolean),
    load,
  }))
  .sort((a, b) => rank(a.pattern) - rank(b.pattern));

function rank(pattern: string[]): number {
  // Lower is tried first: static segments, then [param], then catch-alls.
  return pattern.reduce((score, seg, i) => {
    const weight = seg.startsWith("[[...") ? 3 : seg.startsWith("[...") ? 2 : seg.startsWith("[") ? 1 : 0;
    return score + weight * 10 ** (6 - Math.min(i, 6));
  }, 0);
}

function match(pattern: string[], segments: string[]): Record<string, string | string[]> | undefined {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(seg);
    if (catchAll) {
      const rest = segments.slice(i);
      if (rest.length === 0 && !seg.startsWith("[[")) return undefined;
      params[catchAll[1]!] = rest;
      return params;
    }
    const value = segments[i];
    if (value === undefined) return undefined;
    const param = /^\[(\w+)\]$/.exec(seg);
    if (param) params[param[1]!] = decodeURIComponent(value);
    else if (seg !== value) return undefined;
  }
  return pattern.length === segments.length ? params : undefined;
}

let rewriteRules: { source: string; destination: string }[] | undefined;

async function rewrite(pathname: string): Promise<string> {
  if (!rewriteRules) {
    const rules = await nextConfig.rewrites?.();
    rewriteRules = Array.isArray(rules) ? rules : [...(rules?.beforeFiles ?? []), ...(rules?.afterFiles ?? [])];
  }
  for (const rule of rewriteRules) {
    if (rule.source.endsWith("/:path*")) {
      const prefix = rule.source.slice(0, -"/:path*".length);
      if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
        return rule.destination.slice(0, -"/:path*".length) + pathname.slice(prefix.length);
      }
    } else if (rule.source === pathname) {
      return rule.destination;
    }
  }
  return pathname;
}

export type AppResponse<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  raw: Response;
  /** Time from the request to the handler's answer, before the work deferred past the answer (after()). */
  elapsedMs: number;
};

export type RequestOptions = {
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  json?: unknown;
  body?: BodyInit;
};

export const BASE_URL = "http://localhost:3000";

export async function request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<AppResponse<T>> {
  const url = new URL(path, BASE_URL);
  const target = await rewrite(url.pathname);
  const segments = target.split("/").filter(Boolean);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(url, { method, headers, body });
  for (const route of routes) {
    const params = match(route.pattern, segments);
    if (!params) continue;
    const mod = await route.load();
    const handler = mod[method];
    if (!handler) return wrap(new Response(JSON.stringify({ error: "METHOD_NOT_ALLOWED" }), { status: 405 }));
    const started = performance.now();
    const response = await handler(req, { params: Promise.resolve(params) });
    const elapsedMs = performance.now() - started;
    // What after() runs once the answer is sent: done before the test looks at mail or rows.
    await settleDeferredWork();
    return wrap(response, elapsedMs);
  }
  return wrap(new Response(JSON.stringify({ error: "NOT_FOUND" }), { status: 404 }));
}

async function wrap<T>(raw: Response, elapsedMs = 0): Promise<AppResponse<T>> {
  const text = await raw.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: raw.status, headers: raw.headers, body: body as T, text, raw, elapsedMs };
}

export const api = {
  get: <T = Record<string, unknown>>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T = Record<string, unknown>>(path: string, json?: unknown, options?: RequestOptions) => request<T>("POST", path, { ...options, json }),
  put: <T = Record<string, unknown>>(path: string, json?: unknown, options?: RequestOptions) => request<T>("PUT", path, { ...options, json }),
  patch: <T = Record<string, unknown>>(path: string, json?: unknown, options?: RequestOptions) => request<T>("PATCH", path, { ...options, json }),
  delete: <T = Record<string, unknown>>(path: string, json?: unknown, options?: RequestOptions) => request<T>("DELETE", path, { ...options, json }),
  request,
};
