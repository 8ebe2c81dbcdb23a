import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";

/** Small helpers of the benchmark: processes, waiting, load runs, percentiles, tables. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toFixed(digits);
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Starts a process in its own process group (so it and its children stop together). */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  const out = logFile ? openSync(logFile, "a") : "ignore";
  return spawn(command, args, { env, stdio: ["ignore", out, out], detached: true });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, sleep(5_000)]);
  if (child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Polls `url` until it answers 200 (or anything, with `anyStatus`); answers the milliseconds since `since`. */
export async function waitFor200(url: string, since: number, timeoutMs = 120_000, intervalMs = 25, anyStatus = false, headers?: Record<string, string>): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200 || anyStatus) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

export type LoadResult = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total: number };

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** Latencies of `count` requests made one after another (for percentiles autocannon lacks). */
export async function timeRequests(count: number, make: (i: number) => Promise<Response>, concurrency = 1): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        const response = await make(i);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failures += 1;
      }
    }),
  );
  return { latencies, failures };
}

export type PageTimings = { ttfb: number[]; total: number[]; failures: number; statuses: Record<number, number>; seconds: number };

/**
 * Loads `url` on `connections` keep-alive connections for `durationMs`, timing each answer
 * to its first byte (the status line and headers, which Next sends with the first chunk of
 * a streamed page) and to its last. Statuses other than 200 count as failures.
 */
export async function timePages(url: string, options: { headers?: Record<string, string>; connections: number; durationMs: number }): Promise<PageTimings> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const ttfb: number[] = [];
  const total: number[] = [];
  const statuses: Record<number, number> = {};
  let failures = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const request = http.get(url, { agent, headers: options.headers }, (response) => {
        const first = performance.now() - t0;
        response.resume();
        response.on("end", () => {
          ttfb.push(first);
          total.push(performance.now() - t0);
          const status = response.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== 200) failures += 1;
          resolve();
        });
        response.on("error", () => {
          failures += 1;
          resolve();
        });
      });
      request.on("error", () => {
        failures += 1;
        resolve();
      });
    });
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ttfb, total, failures, statuses, seconds };
}
