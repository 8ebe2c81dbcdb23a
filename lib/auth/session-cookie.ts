/**
 * The Auth.js session cookie: its name (secure prefix on https) doubles as the salt of the
 * encrypted JWT it holds. lib/auth.ts and the API resolver must agree on both.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export const SESSION_COOKIE_NAMES = [sessionCookieName(true), sessionCookieName(false)];

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
