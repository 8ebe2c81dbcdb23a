import "server-only";
import type { Locale } from "@/lib/i18n/locale";
import { escapeHtml } from "@/lib/core/html";

/**
 * A small self-contained HTML page for the answers proxy.ts gives before any page renders
 * (503 while the database is unreachable, 400 for an undecodable address): no script, no
 * stylesheet request, its own strict CSP, readable with the app's own colours unavailable.
 */
export function statusPage(options: { status: number; locale: Locale; title: string; body: string; link: { href: string; label: string }; headers?: Record<string, string> }): Response {
  const { status, locale, title, body, link } = options;
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;min-height:100dvh;display:grid;place-items:center;padding:1rem;text-align:center}
main{max-width:28rem}
h1{font-size:1.5rem;margin:0 0 .75rem}
p{margin:0 0 1.5rem;line-height:1.5}
a{display:inline-block;padding:.6rem 1rem;border-radius:.375rem;background:#1d4ed8;color:#fff;font-weight:500;text-decoration:none}
a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      ...options.headers,
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
