import type { NextConfig } from "next";

/**
 * On every answer. Pages get their Content-Security-Policy (with a per-request script
 * nonce) from proxy.ts; API answers, which are data and never rendered, get the strictest
 * one below (no script, style, image or frame; only same-origin fetches, which seed 001's
 * examples make from an API URL opened in a browser). HSTS is sent by production builds
 * (browsers ignore it over plain http).
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const apiHeaders = [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }];

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WASM and data files next to
  // its own code, and sharp ships a native binary.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "sharp", "oidc-provider"],
  // A separate build folder lets two builds (e.g. parallel e2e work) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The API and seed 002's root aliases of it (see rewrites below).
      { source: "/api/:path*", headers: apiHeaders },
      { source: "/auth/:path*", headers: apiHeaders },
      { source: "/health", headers: apiHeaders },
    ];
  },
  async rewrites() {
    // Seed 002's client calls the API at the root (docs/contracts/README.md "Paths and aliases").
    return [
      { source: "/health", destination: "/api/health" },
      { source: "/auth/signin", destination: "/api/auth/login" },
      { source: "/auth/:path*", destination: "/api/auth/:path*" },
      // OpenID Connect discovery at the issuer (the origin); the provider lives at /api/oidc.
      { source: "/.well-known/openid-configuration", destination: "/api/oidc/.well-known/openid-configuration" },
      { source: "/.well-known/oauth-authorization-server", destination: "/api/oidc/.well-known/oauth-authorization-server" },
    ];
  },
};

export default nextConfig;
