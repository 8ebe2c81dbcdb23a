/**
 * `npm run openapi` writes the OpenAPI document to openapi.json (committed);
 * `--check` fails when the committed file differs from what the code generates (CI).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeOpenApiDocument } from "@/lib/openapi/serialize";

const target = path.resolve(import.meta.dirname, "..", "openapi.json");
const generated = serializeOpenApiDocument();

if (process.argv.includes("--check")) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error("openapi.json is out of date: run `npm run openapi` and commit the result.");
    process.exit(1);
  }
  console.log("openapi.json is up to date.");
} else {
  await writeFile(target, generated);
  console.log(`Wrote ${path.relative(process.cwd(), target)}.`);
}
