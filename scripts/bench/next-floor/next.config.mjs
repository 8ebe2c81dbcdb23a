import { fileURLToPath } from "node:url";

/**
 * The Next.js floor of the bench (scripts/bench/run.ts): one route handler, no proxy
 * (middleware), no instrumentation, no headers, rewrites or redirects. Built and started with
 * the project's own `next`:
 *
 *   node_modules/.bin/next build scripts/bench/next-floor
 *   NODE_ENV=production DATABASE_URL=... AUTH_SECRET=... APP_URL=... node_modules/.bin/next start scripts/bench/next-floor -p 3753
 *
 * Its route imports ../floor-work.ts, the bare floor's code, from outside this folder:
 * Turbopack resolves only files under `turbopack.root`, so both roots are the repository
 * (where node_modules lives too; the two must be equal).
 *
 * `pageExtensions`: Turbopack (Next 16.4) looks for the `proxy` and `instrumentation`
 * conventions at that root too, and would build the portal's proxy.ts and instrumentation.ts
 * into this app. With "floor.ts" as the only extension, a convention file here must be named
 * `<name>.floor.ts` (the route is app/api/me/route.floor.ts), and the portal's are not taken.
 */
const repository = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/+$/, "");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Fixed, whatever NEXT_DIST_DIR says (that one names the portal's build); git-ignored.
  distDir: ".next",
  turbopack: { root: repository },
  outputFileTracingRoot: repository,
  pageExtensions: ["floor.ts"],
  // As the portal's: no X-Powered-By header.
  poweredByHeader: false,
  // The project's own `npx tsc --noEmit` checks these files; the build need not.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
