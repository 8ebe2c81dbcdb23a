import { UAParser } from "ua-parser-js";

/** Where a request comes from, as recorded on sessions and login events. */
export type ClientInfo = {
  ipAddress: string | null;
  userAgent: string | null;
  deviceLabel: string | null;
  location: string | null;
};

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Chrome/Windows", as seed 000 shows devices. */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = UAParser(userAgent);
  const parts = [browser.name, os.name].filter(Boolean);
  return parts.length ? parts.join("/") : userAgent.slice(0, 40);
}

function header(headers: Headers, name: string): string | null {
  const value = headers.get(name);
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * IP from the platform's forwarding headers, location from Vercel's geo headers when
 * present ("Paris, France"); nothing is looked up on the request path.
 */
export function clientInfo(request: Request): ClientInfo {
  const h = request.headers;
  const ip = h.get("x-real-ip") ?? h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  const userAgent = h.get("user-agent")?.slice(0, 512) ?? null;
  const city = header(h, "x-vercel-ip-city");
  const countryCode = h.get("x-vercel-ip-country");
  let country: string | null = null;
  if (countryCode && /^[A-Z]{2}$/.test(countryCode)) {
    try {
      country = countryNames.of(countryCode) ?? countryCode;
    } catch {
      country = countryCode;
    }
  }
  const location = [city, country].filter(Boolean).join(", ") || null;
  return { ipAddress: ip, userAgent, deviceLabel: deviceLabel(userAgent), location };
}

export const UNKNOWN_CLIENT: ClientInfo = { ipAddress: null, userAgent: null, deviceLabel: null, location: null };
