import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { developerText } from "@/lib/i18n/ui/developer";
import { settingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { sudoText } from "@/lib/i18n/ui/sudo";
import { expectNoAxeViolations } from "./support/a11y";
import { apiToken, loginAs, PASSWORD, uniqueEmail, type Account } from "./support/fixtures";
import { SCREENSHOT_DIR, type Lang, type Theme } from "./support/screenshots";
import { totpCode } from "./support/totp";

/*
 * Sudo mode in the browser: a session whose last proof of identity is older than the window
 * gets the "Confirm it's you" dialog on a sensitive action, and the action finishes after it.
 *
 * A session only leaves the window with time. The shared e2e server keeps the real
 * 10 minutes (its other specs must not start asking for re-authentication), so this spec
 * starts a production server of its own, on its own database, with REAUTH_WINDOW_SECONDS
 * short: the real sudo rule, no test-only backdoor, a wait of seconds.
 */
const WINDOW_SECONDS = 8;
const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };
const VIEWPORTS = [
  { name: "390", size: { width: 390, height: 844 }, isMobile: true },
  { name: "1280", size: { width: 1280, height: 800 }, isMobile: false },
] as const;

let server: ChildProcess | undefined;
let baseURL = "";
let dataDir = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  dataDir = `${process.env.E2E_DATA_DIR ?? ".data/e2e"}-sudo-window`;
  baseURL = `http://127.0.0.1:${port}`;
  // Its own process group, so the whole tree (npm, the migration, next start) ends with it.
  server = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir, REAUTH_WINDOW_SECONDS: String(WINDOW_SECONDS) },
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 220_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (server.exitCode !== null) throw new Error(`The short-window server exited (${server.exitCode})`);
    if (Date.now() > deadline) throw new Error("The short-window server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

/** A browser of the short-window server, signed in as a new account (registered in `lang`). */
async function signedIn(browser: Browser, lang: Lang, options: { twoFactor?: boolean; theme?: Theme; viewport?: (typeof VIEWPORTS)[number] } = {}) {
  const viewport = options.viewport ?? VIEWPORTS[1];
  const context = await browser.newContext({
    baseURL,
    locale: LOCALES[lang],
    colorScheme: options.theme ?? "light",
    viewport: viewport.size,
    isMobile: viewport.isMobile,
    hasTouch: viewport.isMobile,
    reducedMotion: "reduce",
  });
  const account: Account = { email: uniqueEmail("sudo"), password: PASSWORD, firstName: "Camille", lastName: "Martin" };
  const registered = await context.request.post("/api/auth/register", { data: account, headers: { "accept-language": lang } });
  expect(registered.status(), await registered.text()).toBe(201);
  await loginAs(await context.newPage(), account);
  const signedInAt = Date.now();
  let secret: string | null = null;
  let backupCodes: string[] = [];
  if (options.twoFactor) {
    // 2FA on after the browser's sign-in (seed 004's API), so the browser needs no second step.
    const headers = { authorization: `Bearer ${await apiToken(context.request, account)}` };
    const started = await context.request.post("/api/auth/2fa/enable", { headers, data: {} });
    expect(started.status(), await started.text()).toBe(200);
    secret = ((await started.json()) as { data: { secret: string } }).data.secret;
    const confirmed = await context.request.post("/api/auth/2fa/enable", { headers, data: { token: totpCode(secret) } });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
    backupCodes = ((await confirmed.json()) as { data: { backupCodes: string[] } }).data.backupCodes;
  }
  const page = context.pages()[0]!;
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, account, signedInAt, secret, backupCodes, errors };
}

/** Waits until a sign-in made at `signedInAt` is outside the sudo window. */
async function leaveSudoWindow(signedInAt: number) {
  const wait = signedInAt + (WINDOW_SECONDS + 1) * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Asks for a new sign-in email on the profile page: a sensitive action. */
async function requestEmailChange(page: Page, lang: Lang, email: string) {
  const text = settingsProfileText[lang];
  await page.goto("/settings/profile");
  await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
  await page.getByLabel(text.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: text.save, exact: true }).click();
}

function sudoDialog(page: Page, lang: Lang) {
  return page.getByRole("dialog", { name: sudoText[lang].title });
}

async function outboxTo(address: string): Promise<{ subject: string; text: string }[]> {
  const dir = path.join(dataDir, "outbox");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const messages = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as { to: string | string[]; subject: string; text: string }));
  return messages.filter((m) => [m.to].flat().includes(address));
}

/** Opens the verification link the sign-up mailed (the run's own outbox): tokens and apps need a verified email. */
async function verifyEmail(page: Page, address: string) {
  const link = (await outboxTo(address)).map((m) => m.text.match(/https?:\/\/\S+verify-email\?token=[0-9a-f]+/)?.[0]).find(Boolean);
  if (!link) throw new Error(`No verification email for ${address}`);
  await page.goto(new URL(link).pathname + new URL(link).search);
}

test.describe.configure({ timeout: 120_000 });

test("outside the sudo window an email change asks for the password (Escape gives up, a wrong one is announced), then finishes on its own", async ({ browser }) => {
  const { context, page, account, signedInAt, errors } = await signedIn(browser, "fr");
  const text = sudoText.fr;
  const profile = settingsProfileText.fr;
  await leaveSudoWindow(signedInAt);
  const newEmail = uniqueEmail("sudo-new");

  // Escape: the dialog closes, the form shows the action's own refusal, focus is back on Save.
  await requestEmailChange(page, "fr", newEmail);
  const dialog = sudoDialog(page, "fr");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(text.password, { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.locator("#toasts")).toContainText("Reconnectez-vous pour effectuer cette action");
  await expect(page.getByRole("button", { name: profile.save, exact: true })).toBeFocused();
  expect(await outboxTo(newEmail)).toEqual([]);

  // Again: the reason, the account, the password field focused; no axe violation with the dialog open.
  await page.getByRole("button", { name: profile.save, exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(text.reasons.email);
  await expect(dialog).toContainText(`pendant ${WINDOW_SECONDS}\u00a0secondes`);
  await expect(dialog.getByTestId("sudo-email")).toHaveText(account.email);
  const password = dialog.getByLabel(text.password, { exact: true });
  await expect(password).toBeFocused();
  await expect(dialog.getByRole("radio")).toHaveCount(0);
  await expectNoAxeViolations(page, "with the sudo dialog open");

  // A wrong password: announced on the field, which keeps the focus; nothing sent.
  await password.fill("Not-The-Password-1");
  await dialog.getByRole("button", { name: text.confirm }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Mot de passe actuel incorrect");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toBeFocused();
  await expectNoAxeViolations(page, "with the sudo dialog's error");
  expect(await outboxTo(newEmail)).toEqual([]);

  // The right one: the dialog closes and the email change the user asked for goes through, not typed again.
  await password.fill(account.password);
  await password.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.locator("#toasts")).toContainText(profile.saved);
  await expect(page.locator("#toasts")).toContainText(newEmail);
  await expect.poll(async () => (await outboxTo(newEmail)).length).toBe(1);

  // Re-authenticated: the next sensitive action within the window goes through without asking.
  const another = uniqueEmail("sudo-again");
  await requestEmailChange(page, "fr", another);
  await expect.poll(async () => (await outboxTo(another)).length).toBe(1);
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test("with 2FA the dialog asks for a one-time code first (TOTP or backup), the password one click away", async ({ browser }) => {
  const { context, page, signedInAt, secret, backupCodes, errors } = await signedIn(browser, "en", { twoFactor: true });
  const text = sudoText.en;
  await leaveSudoWindow(signedInAt);
  const newEmail = uniqueEmail("sudo-2fa");

  await requestEmailChange(page, "en", newEmail);
  const dialog = sudoDialog(page, "en");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: text.methodCode })).toBeChecked();
  const code = dialog.getByLabel(text.code, { exact: true });
  await expect(code).toBeFocused();
  await expectNoAxeViolations(page, "with the sudo dialog's code variant");

  // The choice is a radio group: the password field replaces the code field, next in the Tab order.
  await dialog.getByText(text.methodPassword, { exact: true }).click();
  await expect(dialog.getByRole("radio", { name: text.methodPassword })).toBeChecked();
  await expect(code).toBeHidden();
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel(text.password, { exact: true })).toBeFocused();
  // By keyboard too: the arrow keys move within the group.
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("radio", { name: text.methodPassword })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByRole("radio", { name: text.methodCode })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(code).toBeFocused();

  await code.fill(totpCode(secret!, 1) === "000000" ? "111111" : "000000");
  await dialog.getByRole("button", { name: text.confirm }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Invalid verification code");

  // The next step's code: the one that turned 2FA on would be a replay.
  await code.fill(totpCode(secret!, 1));
  await dialog.getByRole("button", { name: text.confirm }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("#toasts")).toContainText(newEmail);
  await expect.poll(async () => (await outboxTo(newEmail)).length).toBe(1);
  expect(backupCodes).toHaveLength(8);
  expect(errors).toEqual([]);
  await context.close();
});

test("screenshots of the dialog (password and 2FA code) on a phone and a desktop, FR and EN, light and dark, each checked with axe", async ({ browser }) => {
  test.setTimeout(300_000);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Every account signs in first, then one wait takes them all out of the window.
  const sessions: { lang: Lang; variant: "password" | "code"; context: BrowserContext; page: Page; errors: string[] }[] = [];
  let last = 0;
  for (const lang of ["fr", "en"] as const) {
    for (const variant of ["password", "code"] as const) {
      const session = await signedIn(browser, lang, { twoFactor: variant === "code" });
      sessions.push({ lang, variant, context: session.context, page: session.page, errors: session.errors });
      last = session.signedInAt;
    }
  }
  await leaveSudoWindow(last);

  for (const { lang, variant, context, page, errors } of sessions) {
    const text = sudoText[lang];
    for (const viewport of VIEWPORTS) {
      for (const theme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport.size);
        await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
        await requestEmailChange(page, lang, uniqueEmail("sudo-shot"));
        const dialog = sudoDialog(page, lang);
        await expect(dialog).toBeVisible();
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await expect(dialog.getByLabel(variant === "code" ? text.code : text.password, { exact: true })).toBeFocused();
        await expectNoAxeViolations(page, `with the sudo dialog (${variant}, ${viewport.name}, ${theme}, ${lang})`);
        // The viewport as the user sees it: the dialog floats over the page.
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `sudo-dialog-${variant}-${viewport.name}-${theme}-${lang}.png`), animations: "disabled" });
        await dialog.getByRole("button", { name: text.cancel }).click();
        await expect(dialog).toBeHidden();
      }
    }
    // The error state once per variant and language, on a phone.
    await page.setViewportSize(VIEWPORTS[0].size);
    await page.emulateMedia({ colorScheme: "light" });
    await requestEmailChange(page, lang, uniqueEmail("sudo-shot"));
    const dialog = sudoDialog(page, lang);
    const field = dialog.getByLabel(variant === "code" ? text.code : text.password, { exact: true });
    await field.fill(variant === "code" ? "12345678" : "Not-The-Password-1");
    await dialog.getByRole("button", { name: text.confirm }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `sudo-dialog-${variant}-error-390-light-${lang}.png`), animations: "disabled" });
    expect(errors).toEqual([]);
    await context.close();
  }
});

test("a sensitive action behind a confirmation (revoking a token): the dialog opens over it, Escape closes only it, then both finish", async ({ browser }) => {
  const { context, page, account, signedInAt, errors } = await signedIn(browser, "fr");
  const text = developerText.fr;
  const sudo = sudoText.fr;
  await verifyEmail(page, account.email);
  await leaveSudoWindow(signedInAt);

  // A form (the new token): the dialog, then the token, without filling the form again.
  await page.goto("/settings/developer");
  await page.getByLabel(text.tokenName).fill("Script");
  await page.getByRole("button", { name: text.tokenCreate, exact: true }).click();
  const dialog = sudoDialog(page, "fr");
  await expect(dialog).toContainText(sudo.reasons.personalToken);
  await dialog.getByLabel(sudo.password, { exact: true }).fill(account.password);
  await dialog.getByRole("button", { name: sudo.confirm }).click();
  await expect(page.getByTestId("personal-token")).toBeVisible();
  const reauthenticatedAt = Date.now();

  // Out of the window again, a confirmation (alertdialog) whose action needs sudo: the dialog stacks over it.
  await leaveSudoWindow(reauthenticatedAt);
  await page.getByRole("button", { name: text.revokeLabel.replace("{name}", "Script") }).click();
  const confirmation = page.getByRole("alertdialog");
  await confirmation.getByRole("button", { name: text.revokeConfirm, exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(sudo.password, { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(confirmation.getByRole("alert")).toHaveText("Reconnectez-vous pour effectuer cette action");

  await confirmation.getByRole("button", { name: text.revokeConfirm, exact: true }).click();
  await dialog.getByLabel(sudo.password, { exact: true }).fill(account.password);
  await dialog.getByLabel(sudo.password, { exact: true }).press("Enter");
  await expect(dialog).toBeHidden();
  await expect(confirmation).toBeHidden();
  await expect(page.locator("#toasts")).toContainText(text.revoked);
  expect(errors).toEqual([]);
  await context.close();
});
