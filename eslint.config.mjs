import fs from "node:fs";
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const root = import.meta.dirname;

/**
 * The layers (ARCHITECTURE.md "Layers"), as rows, bottom first. A module may import its own
 * layer and every row below its own, never a row above nor another layer of its own row: such
 * an import fails `npm run lint`. `tests`, `e2e` and `scripts` are tooling: they import
 * anything, nothing imports them. Paths are folders or files (a folder's index included);
 * globs keep the page texts apart from the rest of lib/i18n and match `lib/contracts/<client>/`
 * whatever the client.
 */
const ROWS = [
  [{ name: "i18n", paths: ["lib/i18n/!(ui){,/**}"] }],
  [{ name: "core", paths: ["lib/core"] }],
  [
    { name: "validation", paths: ["lib/validation"] },
    { name: "ui-text", paths: ["lib/i18n/ui"] },
    { name: "db", paths: ["lib/db", "lib/generated"] },
    { name: "storage", paths: ["lib/storage"] },
    { name: "mail", paths: ["lib/mail"] },
    { name: "integrations", paths: ["lib/integrations"] },
  ],
  [{ name: "services", paths: ["lib/services"] }],
  [{ name: "oidc", paths: ["lib/oidc"] }],
  [{ name: "auth", paths: ["lib/auth"] }],
  [
    { name: "api", paths: ["lib/api"] },
    { name: "actions", paths: ["lib/actions"] },
  ],
  [{ name: "contracts", paths: ["lib/contracts/*/**"] }],
  [{ name: "contracts-index", paths: ["lib/contracts/index.ts"] }],
  [{ name: "openapi", paths: ["lib/openapi"] }],
  [{ name: "components", paths: ["components"] }],
  [{ name: "app", paths: ["app", "pages", "proxy.ts", "instrumentation.ts"] }],
];
const TOOLING = { name: "tooling", paths: ["tests", "e2e", "scripts"] };
const LAYERS = [...ROWS.flat(), TOOLING];
const rowOf = new Map(ROWS.flatMap((row, index) => row.map((layer) => [layer.name, index])));

/** The layers `layer` may import: its own and those of the rows below. */
function allowedFor(layer) {
  return new Set(LAYERS.filter((other) => other === layer || rowOf.get(other.name) < rowOf.get(layer.name)).map((other) => other.name));
}

const isGlob = (spec) => /[*!(){}]/.test(spec);

/** no-restricted-paths wants a zone's `from` all globs or all paths: one zone for each kind. */
function zonesFrom(target, paths, message) {
  const globs = paths.filter(isGlob);
  const plain = paths.filter((spec) => !isGlob(spec));
  return [globs, plain].filter((from) => from.length > 0).map((from) => ({ target, from, message }));
}

/** One entry for each (layer, layer it may not import), so a rule can be lifted for one pair. */
const forbiddenPairs = ROWS.flat().flatMap((layer) => {
  const allowed = allowedFor(layer);
  return LAYERS.filter((other) => !allowed.has(other.name)).map((other) => ({
    layer: layer.name,
    other: other.name,
    zones: zonesFrom(
      layer.paths,
      other.paths,
      `${layer.name} (${layer.paths.join(", ")}) must not import ${other.name} (${other.paths.join(", ")}): a layer imports its own and the rows below it. See ARCHITECTURE.md "Layers".`,
    ),
  }));
});

/** lib/core reads lib/i18n's locale type and message tables, nothing of its page texts. */
const coreZone = {
  target: "lib/core",
  from: "lib/i18n",
  except: ["./locale.ts", "./messages"],
  message: 'lib/core may import only lib/i18n/locale.ts and lib/i18n/messages. See ARCHITECTURE.md "Layers".',
};

/**
 * One module per client contract: a client's module imports its own files and lib/contracts/shared,
 * never another client's (a change for one client must not move another's answers). The
 * clients are the folders of lib/contracts plus the ones planned, so a new client is covered.
 */
const PLANNED_CLIENTS = ["settings-app", "oauth-profile", "mobile", "nutriscan", "rest-v1", "shared"];
const contractsDir = path.join(root, "lib/contracts");
const presentClients = fs.existsSync(contractsDir)
  ? fs.readdirSync(contractsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  : [];
const clientZones = [...new Set([...PLANNED_CLIENTS, ...presentClients])].map((client) => ({
  target: `lib/contracts/${client}`,
  from: "lib/contracts",
  except: [`./${client}`, "./index.ts", ...(client === "shared" ? [] : ["./shared"])],
  message: `lib/contracts/${client} may import lib/contracts/shared, never another client's module. See ARCHITECTURE.md "Client contracts".`,
}));

const layerZones = () => [...forbiddenPairs.flatMap((pair) => pair.zones), coreZone, ...clientZones];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    // Dependencies are followed through our own files only: parsing node_modules would take minutes.
    settings: { "import/ignore": ["node_modules", "lib/generated"] },
    rules: {
      "import/no-restricted-paths": ["error", { basePath: root, zones: layerZones() }],
      // The layers keep folders from importing each other both ways; this keeps modules of one folder
      // from doing so (type-only imports do not count: they leave no trace at run time). A dynamic
      // import() does not count either: it runs after every module has loaded. The one there is,
      // lib/openapi/route.ts, serves the document built from the operation list it belongs to.
      "import/no-cycle": ["error", { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }],
    },
  },
  // The bench's Next.js floor (scripts/bench/next-floor) has its own build folder and next-env.d.ts.
  globalIgnores([".next*/**", "lib/generated/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "artifacts/**", "scripts/bench/next-floor/.next/**", "scripts/bench/next-floor/next-env.d.ts"]),
]);
