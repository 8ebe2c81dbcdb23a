import { describe, expect, it } from "vitest";
import { readOutbox } from "@/lib/mail/outbox";
import { api } from "../support/app-client";
import { createUser, uniqueEmail } from "../support/fixtures";

/**
 * Issue 15, item 6: the routes that take an address (forgot password, resend verification)
 * must cost the same whether or not it has an account, or their timing tells who does.
 * Alternating requests for registered and unknown addresses are timed up to the answer
 * (elapsedMs: the handler alone, before the work deferred past the answer), and the two
 * distributions compared with robust statistics that a busy machine does not upset: the
 * median of the paired differences (each pair sent back to back, so both meet the same
 * load) within 2 ms, and overlapping interquartile ranges. Medians and the Mann-Whitney z
 * are reported alongside. Before the fix the registered addresses' median was several times
 * the unknown ones' and the ranges did not overlap.
 */

const PAIRS = 100;
const WARM_UP = 10;

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

/** Mann-Whitney U as a z score (normal approximation, ties given their mean rank). */
function mannWhitneyZ(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, fromA: true })), ...b.map((v) => ({ v, fromA: false }))].sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(all.length);
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.v === all[i]!.v) j++;
    for (let k = i; k <= j; k++) ranks[k] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const rankSumA = all.reduce((sum, item, i) => (item.fromA ? sum + ranks[i]! : sum), 0);
  const u = rankSumA - (a.length * (a.length + 1)) / 2;
  const mean = (a.length * b.length) / 2;
  const sd = Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12);
  return (u - mean) / sd;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Sends PAIRS alternating requests (after WARM_UP pairs that are not counted), each address
 * once, and returns both timing distributions.
 */
async function timeAlternating(path: string, registered: string[], unknown: string[]) {
  const times = { registered: [] as number[], unknown: [] as number[] };
  const differences: number[] = [];
  for (let i = 0; i < WARM_UP + PAIRS; i++) {
    // Alternate which goes first, so neither always follows the other's deferred work.
    const order = i % 2 === 0 ? (["registered", "unknown"] as const) : (["unknown", "registered"] as const);
    for (const kind of order) {
      const email = (kind === "registered" ? registered : unknown)[i]!;
      const res = await api.post(path, { email });
      expect(res.status).toBe(200);
      if (i >= WARM_UP) times[kind].push(res.elapsedMs);
    }
    if (i >= WARM_UP) differences.push(times.registered.at(-1)! - times.unknown.at(-1)!);
  }
  const reg = summary(times.registered);
  const unk = summary(times.unknown);
  const pairedMedian = summary(differences).median;
  const report = {
    path,
    pairs: PAIRS,
    medianPairedDifference: round(pairedMedian),
    registered: { q1: round(reg.q1), median: round(reg.median), q3: round(reg.q3) },
    unknown: { q1: round(unk.q1), median: round(unk.median), q3: round(unk.q3) },
    mannWhitneyZ: round(mannWhitneyZ(times.registered, times.unknown)),
  };
  console.info(JSON.stringify(report));
  return { reg, unk, pairedMedian, report };
}

function expectIndistinguishable({ reg, unk, pairedMedian, report }: Awaited<ReturnType<typeof timeAlternating>>) {
  const message = JSON.stringify(report);
  expect(Math.abs(pairedMedian), message).toBeLessThanOrEqual(2);
  expect(reg.q1 <= unk.q3 && unk.q1 <= reg.q3, `interquartile ranges overlap: ${message}`).toBe(true);
}

async function accounts(count: number, data: { emailVerified?: Date | null } = {}): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < count; i++) emails.push((await createUser({ email: uniqueEmail("known"), ...data })).user.email);
  return emails;
}

const unknownAddresses = (count: number) => Array.from({ length: count }, () => uniqueEmail("nobody"));

async function mailCounts(addresses: string[]): Promise<number[]> {
  const messages = await readOutbox();
  return addresses.map((address) => messages.filter((m) => m.to === address).length);
}

describe("equal answers for registered and unknown addresses (item 6)", () => {
  it("POST /api/auth/forgot-password takes as long for either, and still mails the registered ones", { timeout: 240_000 }, async () => {
    const registered = await accounts(WARM_UP + PAIRS);
    const unknown = unknownAddresses(WARM_UP + PAIRS);
    const timing = await timeAlternating("/api/auth/forgot-password", registered, unknown);
    expect(await mailCounts(registered)).toEqual(registered.map(() => 1));
    expect(await mailCounts(unknown)).toEqual(unknown.map(() => 0));
    expectIndistinguishable(timing);
  });

  it("POST /api/verification/resend takes as long for either, and still mails the unverified ones", { timeout: 240_000 }, async () => {
    const registered = await accounts(WARM_UP + PAIRS, { emailVerified: null });
    const unknown = unknownAddresses(WARM_UP + PAIRS);
    const timing = await timeAlternating("/api/verification/resend", registered, unknown);
    expect(await mailCounts(registered)).toEqual(registered.map(() => 1));
    expect(await mailCounts(unknown)).toEqual(unknown.map(() => 0));
    expectIndistinguishable(timing);
  });
});
