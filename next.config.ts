import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WASM and data files next to
  // its own code, and sharp ships a native binary.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "sharp", "oidc-provider"],
  // A separate build folder lets two builds (e.g. parallel e2e work) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  async rewrites() {
    // Seed 002's client calls the API at the root (CONTRACT section 1).
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
