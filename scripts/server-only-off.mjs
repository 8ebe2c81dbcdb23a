/**
 * `tsx --import ./scripts/server-only-off.mjs <program>`: `server-only` resolves to an empty module,
 * as under vitest (vitest.config.ts). It throws wherever the `react-server` condition is not set,
 * and the programs run outside Next (scripts/openapi.ts, scripts/fuzz.ts, the bench, the database
 * scripts) import server modules on purpose. Only this one package is redirected: React and the
 * rest resolve as usual.
 */
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", format: "module", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
