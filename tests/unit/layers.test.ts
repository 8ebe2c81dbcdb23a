import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rule of eslint.config.mjs (ARCHITECTURE.md "Layers") must keep failing on an
 * upward import: each case lints one line as if it were a file at `file` (the file need not
 * exist; the module it imports must, since only resolved imports are checked).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

let eslint: ESLint;
beforeAll(() => {
  // Only the layer rule: the others (no-cycle among them) need the linted file to exist.
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === "import/no-restricted-paths" });
});

/** Every problem ESLint finds, as "rule: message" (a parse error has no rule). */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the layer rule", { timeout: 120_000 }, () => {
  it.each([
    ["a service importing lib/auth", "lib/services/zz-fixture.ts", 'export { POLICY } from "@/lib/auth/policy";'],
    ["a service importing lib/auth by a relative path", "lib/services/zz/fixture.ts", 'export { POLICY } from "../../auth/policy";'],
    ["a service importing lib/oidc", "lib/services/zz-fixture.ts", 'export { loadSigningKeys } from "@/lib/oidc/keys";'],
    ["a service importing a client contract", "lib/services/zz-fixture.ts", 'export { restV1Routes } from "@/lib/contracts/rest-v1";'],
    ["lib/core importing lib/db", "lib/core/zz-fixture.ts", 'export { prisma } from "@/lib/db/client";'],
    ["lib/core importing page texts", "lib/core/zz-fixture.ts", 'export { statusText } from "@/lib/i18n/ui/status";'],
    ["lib/validation importing a service", "lib/validation/zz-fixture.ts", 'export type { Profile } from "@/lib/services/profile/get-profile";'],
    ["lib/mail importing a service", "lib/mail/zz-fixture.ts", 'export { getNotificationPreferences } from "@/lib/services/notifications/get-notification-preferences";'],
    ["lib/mail importing lib/db", "lib/mail/zz-fixture.ts", 'export { prisma } from "@/lib/db/client";'],
    ["lib/oidc importing lib/auth", "lib/oidc/zz-fixture.ts", 'export { POLICY } from "@/lib/auth/policy";'],
    ["lib/api importing a client contract", "lib/api/zz-fixture.ts", 'export { restV1Routes } from "@/lib/contracts/rest-v1";'],
    ["a client contract importing another client's", "lib/contracts/mobile/routes/zz-fixture.ts", 'export { Me004 } from "@/lib/contracts/rest-v1/answers";'],
    ["a client contract importing the list of every client", "lib/contracts/mobile/zz-fixture.ts", 'export { ROUTES } from "@/lib/contracts";'],
    ["a client contract importing the document", "lib/contracts/rest-v1/zz-fixture.ts", 'export { openApiDocument } from "@/lib/openapi/document";'],
    ["lib/ importing test tooling", "lib/services/zz-fixture.ts", 'export { BASE_URL } from "@/tests/support/app-client";'],
    ["a component importing app/", "components/zz-fixture.tsx", 'export { default } from "@/app/layout";'],
  ])("fails %s", async (_, file, code) => {
    expect(await problems(file, code)).toContainEqual(expect.stringMatching(/^import\/no-restricted-paths: /));
  });

  it.each([
    ["a service importing lib/db, lib/mail and lib/validation", "lib/services/zz-fixture.ts", 'export { prisma } from "@/lib/db/client";\nexport { sendEmail } from "@/lib/mail/send-email";\nexport { strictBody } from "@/lib/validation/strict-body";'],
    ["lib/core importing the locale type", "lib/core/zz-fixture.ts", 'export type { Locale } from "@/lib/i18n/locale";'],
    ["lib/auth importing a service and lib/oidc", "lib/auth/zz-fixture.ts", 'export { getProfile } from "@/lib/services/profile/get-profile";\nexport { loadSigningKeys } from "@/lib/oidc/keys";'],
    ["a client contract importing its own files, lib/api and a service", "lib/contracts/rest-v1/routes/zz-fixture.ts", 'export { Me004 } from "@/lib/contracts/rest-v1/answers";\nexport { defineRoute } from "@/lib/api/define-route";\nexport { getProfile } from "@/lib/services/profile/get-profile";'],
    ["the document importing the contracts", "lib/openapi/document.ts", 'export { ROUTES } from "@/lib/contracts";'],
    ["a page importing a component and lib/auth", "app/zz/page.tsx", 'export { Button } from "@/components/ui/button";\nexport { getLocale } from "@/lib/auth/locale";'],
  ])("allows %s", async (_, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
