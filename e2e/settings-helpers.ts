import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { authText } from "@/lib/i18n/ui/auth";
import { generateTotpCode, TOTP_PERIOD_SECONDS } from "@/lib/services/two-factor/totp";

/** Helpers of the settings specs: accounts made through the API, sign-in through the real page. */

export type Account = { email: string; password: string; firstName: string; lastName: string };

let counter = 0;

export function uniqueAddress(prefix = "settings"): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.com`;
}

/**
 * A new account, registered through the API (seed 004's sign-up). Its language is the one
 * the sign-up asked in, as for a person, and the pages follow it.
 */
export async function newAccount(request: APIRequestContext, overrides: Partial<Account> = {}, lang: "fr" | "en" = "fr"): Promise<Account> {
  const account = { email: uniqueAddress(), password: "Settings-Pass-2024!", firstName: "Camille", lastName: "Martin", ...overrides };
  const response = await request.post("/api/auth/register", { data: account, headers: { "accept-language": lang } });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

/**
 * An account whose email is verified through its own emailed token (seed 004's
 * `POST /api/auth/verify`): personal access tokens and OAuth apps need a verified address.
 */
export async function newVerifiedAccount(request: APIRequestContext, overrides: Partial<Account> = {}, lang: "fr" | "en" = "fr"): Promise<Account> {
  const account = await newAccount(request, overrides, lang);
  const dir = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "outbox");
  let token: string | undefined;
  await expect
    .poll(async () => {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json"));
      for (const f of files) {
        const message = JSON.parse(await readFile(path.join(dir, f), "utf8")) as { to: string | string[]; text: string };
        if ([message.to].flat().includes(account.email)) token ??= /verify-email\?token=([0-9a-f]{64})/.exec(message.text)?.[1];
      }
      return token !== undefined;
    })
    .toBe(true);
  const response = await request.post("/api/auth/verify", { data: { token } });
  expect(response.status(), await response.text()).toBe(200);
  return account;
}

/** Signs in through /login as a person would; answers once the settings page is shown. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, options: { lang?: "fr" | "en"; callbackUrl?: string } = {}) {
  const text = authText[options.lang ?? "fr"];
  await page.goto(options.callbackUrl ? `/login?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "/login");
  await page.getByLabel(text.email, { exact: true }).fill(account.email);
  await page.getByLabel(text.password, { exact: true }).fill(account.password);
  await page.getByRole("button", { name: text.login.submit, exact: true }).click();
}

/** Opens the verification link of the newest email to the address, from the run's outbox. */
export async function verifyEmail(page: Page, email: string): Promise<void> {
  const dir = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "outbox");
  const messages = await Promise.all(
    (await readdir(dir)).filter((f) => f.endsWith(".json")).map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as { to: string | string[]; text: string; createdAt: string }),
  );
  const mine = messages
    .filter((m) => [m.to].flat().includes(email) && m.text.includes("verify-email?token="))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const link = mine[0]?.text.match(/https?:\/\/\S+verify-email\?token=[0-9a-f]+/)?.[0];
  if (!link) throw new Error(`No verification email for ${email}`);
  await page.goto(new URL(link).pathname + new URL(link).search);
}

/**
 * A TOTP code made with the app's own function. `stepsAhead` 1 gives the next step's code,
 * accepted thanks to the one-step drift window: it is never a replay of a code just used.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateTotpCode(secret, new Date(Date.now() + stepsAhead * TOTP_PERIOD_SECONDS * 1000));
}

/** Collects uncaught errors of the page; the spec asserts there were none. */
/**
 * Uncaught errors of the page, and Content-Security-Policy violations (Chromium reports them
 * on the console): every flow that checks this also proves the strict CSP (no inline styles,
 * nonce-only scripts) breaks nothing it does.
 */
export function watchPageErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) errors.push(message.text());
  });
  return () => errors;
}

/** axe-core on the whole page (WCAG 2.x A and AA rules): any violation fails, listed by rule. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** A full-page screenshot under artifacts/screenshots/, named page-theme-language. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true, animations: "disabled" });
}
