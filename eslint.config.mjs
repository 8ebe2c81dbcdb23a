import fs from "node:fs";
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const root = import.meta.dirname;

/**
 * The layers (ARCHITECTURE.md "Layers"), bottom first. A module may import its own layer and
 * the layers its `uses` reaches (transitively), nothing else of this table: an import upward,
 * or sideways between layers that do not name each other, fails `npm run lint`. `tests`, `e2e`
 * and `scripts` are tooling: they import anything, nothing imports them. Paths are folders or
 * files (a folder's index included); globs keep the page texts apart from the rest of lib/i18n and
 * the document builder apart from lib/openapi's building blocks, and match `lib/contracts/<client>/`
 * whatever the client.
 */
const LAYERS = [
  { name: "i18n", paths: ["lib/i18n/!(ui){,/**}"], uses: [] },
  { name: "core", paths: ["lib/core"], uses: ["i18n"] },
  { name: "ui-text", paths: ["lib/i18n/ui"], uses: ["i18n"] },
  { name: "validation", paths: ["lib/validation"], uses: ["core"] },
  { name: "db", paths: ["lib/db", "lib/generated"], uses: ["core"] },
  { name: "storage", paths: ["lib/storage"], uses: ["core"] },
  { name: "mail", paths: ["lib/mail"], uses: ["core"] },
  { name: "integrations", paths: ["lib/integrations"], uses: ["core"] },
  { name: "services", paths: ["lib/services"], uses: ["validation", "db", "storage", "mail", "integrations"] },
  { name: "oidc", paths: ["lib/oidc"], uses: ["services"] },
  { name: "auth", paths: ["lib/auth"], uses: ["oidc"] },
  { name: "api", paths: ["lib/api"], uses: ["auth", "ui-text"] },
  { name: "actions", paths: ["lib/actions"], uses: ["auth", "ui-text"] },
  { name: "openapi-parts", paths: ["lib/openapi/!(document.ts|serialize.ts|operations){,/**}"], uses: ["api"] },
  { name: "mappers", paths: ["lib/mappers"], uses: ["openapi-parts"] },
  { name: "contracts", paths: ["lib/contracts/*/**"], uses: ["mappers", "actions"] },
  { name: "contracts-index", paths: ["lib/contracts/index.ts"], uses: ["contracts"] },
  { name: "openapi-document", paths: ["lib/openapi/document.ts", "lib/openapi/serialize.ts", "lib/openapi/operations"], uses: ["contracts-index"] },
  { name: "components", paths: ["components"], uses: ["openapi-document"] },
  { name: "app", paths: ["app", "pages", "proxy.ts", "instrumentation.ts"], uses: ["components"] },
  { name: "tooling", paths: ["tests", "e2e", "scripts"], uses: null },
];

const byName = new Map(LAYERS.map((layer) => [layer.name, layer]));

/** Every layer `name` may import: itself and what its `uses` reaches. */
function reachable(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const next of byName.get(name).uses ?? []) reachable(next, seen);
  return seen;
}

const isGlob = (spec) => /[*!(){}]/.test(spec);

/** no-restricted-paths wants a zone's `from` all globs or all paths: one zone for each kind. */
function zonesFrom(target, paths, message) {
  const globs = paths.filter(isGlob);
  const plain = paths.filter((spec) => !isGlob(spec));
  return [globs, plain].filter((from) => from.length > 0).map((from) => ({ target, from, message }));
}

/** One entry for each (layer, layer it may not import), so a rule can be lifted for one pair. */
const forbiddenPairs = LAYERS.filter((layer) => layer.uses !== null).flatMap((layer) => {
  const allowed = reachable(layer.name);
  return LAYERS.filter((other) => !allowed.has(other.name)).map((other) => ({
    layer: layer.name,
    other: other.name,
    zones: zonesFrom(
      layer.paths,
      other.paths,
      `${layer.name} (${layer.paths.join(", ")}) must not import ${other.name} (${other.paths.join(", ")}); it may import ${[...allowed].join(", ")}. See ARCHITECTURE.md "Layers".`,
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

const layerZones = (keep = () => true) => [...forbiddenPairs.filter(keep).flatMap((pair) => pair.zones), coreZone, ...clientZones];

/**
 * Components that still import a type or schema from app/ (being moved out by another change of
 * issue 16): they are held to every rule but that one until then. Empty this list once they are fixed.
 */
const COMPONENTS_IMPORTING_APP = [
  "components/auth/login-form.tsx",
  "components/auth/register-form.tsx",
  "components/auth/email-link-card.tsx",
  "components/settings/profile-form.tsx",
];

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
      // from doing so (type-only imports do not count: they leave no trace at run time).
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: COMPONENTS_IMPORTING_APP,
    rules: {
      "import/no-restricted-paths": [
        "error",
        { basePath: root, zones: layerZones((pair) => !(pair.layer === "components" && pair.other === "app")) },
      ],
    },
  },
  globalIgnores([".next*/**", "lib/generated/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "artifacts/**"]),
]);
