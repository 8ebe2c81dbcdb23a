import "server-only";
export const DEFAULT_REDIRECT = "/settings/profile";

/**
 * A post-sign-in destination that stays inside the portal: a same-origin path, never a
 * protocol-relative `//evil.example`, a backslash trick (`/\evil.example`, which browsers read
 * as `//`), another scheme or another origin. Absolute URLs on the portal's own origin are
 * reduced to their path. Anything else falls back to the settings.
 */
export function safeRedirect(target: unknown, options: { origin?: string; fallback?: string; allowAuthPages?: boolean } = {}): string {
  const fallback = options.fallback ?? DEFAULT_REDIRECT;
  if (typeof target !== "string") return fallback;
  const value = target.trim();
  if (!value || value.length > 2048) return fallback;
  // Control characters (tab, newline) are stripped by URL parsers and can hide a `//`.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;

  let url: URL;
  const base = "http://portal.invalid";
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  const sameOrigin = url.origin === base || (options.origin !== undefined && url.origin === new URL(options.origin).origin);
  if (!sameOrigin) return fallback;
  // A relative value must itself start with a single slash ("settings" or "?x" are refused).
  if (url.origin === base && (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // After signing in, the sign-in pages would loop back to themselves (sign-out may go there).
  if (!options.allowAuthPages && /^\/(login|register)(\/|$|\?)/.test(path)) return fallback;
  if (path.startsWith("/api/auth/")) return fallback;
  return path;
}
