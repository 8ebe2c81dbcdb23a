import "server-only";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/core/env";

/**
 * The Auth.js session cookie: its name (secure prefix on https) doubles as the salt of the
 * encrypted JWT it holds. lib/auth.ts and the API resolver must agree on both.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** Both names: for clearing a cookie whichever was set, never for reading one. */
export const SESSION_COOKIE_NAMES = [sessionCookieName(true), sessionCookieName(false)];

/** Served over https: the configured public URL is https, or this request came over https. */
export function isHttpsRequest(request: Request): boolean {
  if (env().APP_URL.startsWith("https://")) return true;
  try {
    return new URL(request.url).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * The one session cookie name a request may authenticate with. Over https only the
 * `__Secure-` one: a browser lets only a secure origin set it, whereas the unprefixed name can
 * be planted by a plain-http page of a sibling domain or an attacker on the network (session
 * fixation). Over http only the plain one (browsers do not send Secure cookies there anyway).
 */
export function sessionCookieNamesFor(request: Request): string[] {
  return [sessionCookieName(isHttpsRequest(request))];
}

/** Reads a cookie from a Cookie header, joining Auth.js's chunked `name.0`, `name.1`... */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  if (jar.has(name)) return jar.get(name);
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : undefined;
}

/**
 * The session id named by the request's session cookie (decrypted with AUTH_SECRET, so only
 * the portal can have written it), whether or not that session is still live; undefined
 * without a readable cookie of the accepted name.
 */
export async function sessionIdFromCookie(request: Request): Promise<string | undefined> {
  const header = request.headers.get("cookie");
  for (const name of sessionCookieNamesFor(request)) {
    const token = readCookie(header, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
      if (payload && typeof payload.sid === "string") return payload.sid;
    } catch {
      // an unreadable cookie is no credential
    }
  }
  return undefined;
}
