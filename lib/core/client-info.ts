import "server-only";
import { isIP } from "node:net";
import { UAParser } from "ua-parser-js";
import { env } from "@/lib/core/env";

/** Where a request comes from, as recorded on sessions and login events. */
export type ClientInfo = {
  ipAddress: string | null;
  userAgent: string | null;
  deviceLabel: string | null;
  location: string | null;
};

/**
 * Which forwarded headers are believed (TRUSTED_PROXY_HOPS, VERCEL): see clientAddress.
 */
export type ProxyTrust = { vercel: boolean; hops: number };

export function proxyTrust(): ProxyTrust {
  const e = env();
  return { vercel: e.VERCEL, hops: e.TRUSTED_PROXY_HOPS };
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A product token such as "curl/8.5.0": no spaces, colons or slashes beyond the version's. */
const PRODUCT_TOKEN = /^[A-Za-z][A-Za-z0-9_-]{0,23}(?:\/[0-9][0-9.]{0,15})?$/;

/**
 * "Chrome/Windows", as seed 000 shows devices. A user agent no parser knows keeps only its
 * first product token, and only when it looks like one: the label is shown in security
 * emails, where a sentence or a link chosen by the caller must never appear.
 */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = UAParser(userAgent);
  const parts = [browser.name, os.name].filter(Boolean);
  if (parts.length) return parts.join("/");
  const token = userAgent.trim().split(/\s+/)[0] ?? "";
  return PRODUCT_TOKEN.test(token) ? token : null;
}

/**
 * An IP address in one canonical spelling, or null for anything that is not one:
 * IPv6 compressed and lower-case, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4, a port
 * (`1.2.3.4:5678`, `[::1]:443`) dropped. Zone ids (`fe80::1%eth0`) are refused: no client
 * on another network has one.
 */
export function normalizeIpAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let candidate = value.trim();
  if (candidate.length === 0 || candidate.length > 64) return null;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(candidate);
  if (withPort) candidate = withPort[1]!;
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version !== 6 || candidate.includes("%")) return null;
  // The URL parser writes IPv6 in its canonical form (RFC 5952), embedded IPv4 as hex.
  const canonical = new URL(`http://[${candidate}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return canonical;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(ip: string): number[] {
  const [head = "", tail] = ip.split("::");
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The network a client address belongs to, as one provider usually hands them out: the /24
 * of an IPv4 address, the /64 of an IPv6 one (a single home or server often owns a whole /64).
 */
export function addressPrefix(ip: string): string {
  if (isIP(ip) === 4) return `${ip.split(".").slice(0, 3).join(".")}.0/24`;
  return `${ipv6Groups(ip)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

export function isLoopbackAddress(ip: string): boolean {
  return ip === "::1" || (isIP(ip) === 4 && ip.startsWith("127."));
}

/**
 * Whether the portal itself is served on this machine only (APP_URL on localhost: `npm run
 * dev`, the e2e suite), so that a loopback client is a developer or a test runner. On a
 * deployment with a public URL a loopback client is more likely a proxy that does not
 * forward addresses, and then stands for everyone: exempting it would switch limits off.
 */
export function isLocalRun(): boolean {
  const host = new URL(env().APP_URL).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The client's address, from headers only a trusted party wrote:
 * - on Vercel (`VERCEL=1`), `x-real-ip`, which the platform overwrites (and its
 *   `x-forwarded-for`, which it also overwrites, when the first is missing);
 * - elsewhere, `x-forwarded-for` only, never `x-real-ip` (a proxy that does not set it lets
 *   the client's through). With N trusted proxies (TRUSTED_PROXY_HOPS=N) that each append
 *   the address they saw, the Nth entry from the right is what the outermost one saw; the
 *   entries left of it are whatever the client wrote. With 0 (no proxy, `next start`
 *   reached directly) the rightmost entry is used: Next writes the socket's address there
 *   when the request has no such header, but keeps one the client sent, so a client talking
 *   to Next directly can choose the (well-formed) address recorded for it. That is why a
 *   deployment reachable from the internet belongs behind a proxy with TRUSTED_PROXY_HOPS set.
 * Anything that is not an IP address gives null.
 */
export function clientAddress(headers: Headers, trust: ProxyTrust = proxyTrust()): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (trust.vercel) return normalizeIpAddress(headers.get("x-real-ip")) ?? normalizeIpAddress(forwarded.at(-1));
  const index = forwarded.length - Math.max(1, trust.hops);
  return index >= 0 ? normalizeIpAddress(forwarded[index]) : null;
}

/** Letters (any script), spaces, hyphens and apostrophes: the shape of a place name. */
const PLACE_NAME = /^[\p{L}\p{M}](?:[\p{L}\p{M}' ’-]*[\p{L}\p{M}])?$/u;

/**
 * A place name from a geo header, decoded (Vercel percent-encodes it), or null when it is not
 * plainly one: it is shown in security emails, so it never carries punctuation, digits, markup
 * or links, and 64 characters at most.
 */
export function placeName(raw: string | null): string | null {
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const name = decoded.normalize("NFC").trim().replace(/\s+/g, " ");
  return name.length <= 64 && PLACE_NAME.test(name) ? name : null;
}

/**
 * "Paris, France" from the platform's geo headers, only on Vercel (elsewhere whoever calls can
 * write them); nothing is looked up on the request path.
 */
export function clientLocation(headers: Headers, trust: ProxyTrust = proxyTrust()): string | null {
  if (!trust.vercel) return null;
  const city = placeName(headers.get("x-vercel-ip-city"));
  const code = headers.get("x-vercel-ip-country");
  let country: string | null = null;
  if (code && /^[A-Z]{2}$/.test(code)) {
    try {
      country = placeName(countryNames.of(code) ?? null) ?? code;
    } catch {
      country = code;
    }
  }
  return [city, country].filter(Boolean).join(", ") || null;
}

export function clientInfo(request: Request, trust: ProxyTrust = proxyTrust()): ClientInfo {
  const h = request.headers;
  const userAgent = h.get("user-agent")?.slice(0, 512) ?? null;
  return { ipAddress: clientAddress(h, trust), userAgent, deviceLabel: deviceLabel(userAgent), location: clientLocation(h, trust) };
}

export const UNKNOWN_CLIENT: ClientInfo = { ipAddress: null, userAgent: null, deviceLabel: null, location: null };
