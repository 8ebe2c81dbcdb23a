import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { authText } from "@/lib/i18n/ui/auth";
import { layoutText } from "@/lib/i18n/ui/layout";

export { expect };

/**
 * The browser speaks French, and every spec's `page` fails its test on an uncaught error in the page (a crash a user would
 * not see in a screenshot), reported with the page's own message.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  // French, the portal's default: the specs read the French texts.
  locale: "fr-FR",
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
      await use(errors);
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export type Account = { email: string; password: string; firstName: string; lastName: string };

let counter = 0;

export function uniqueEmail(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.com`;
}

export const PASSWORD = "Portail-Secret-2024!";

/** An account made through the API (seed 004's sign-up), fast; its email is not verified. */
export async function registerAccount(request: APIRequestContext, overrides: Partial<Account> = {}): Promise<Account> {
  const account = { email: uniqueEmail(), password: PASSWORD, firstName: "Camille", lastName: "Martin", ...overrides };
  const response = await request.post("/api/auth/register", { data: account });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

/**
 * Signs the page's browser in without the form: the same Auth.js credentials callback the
 * login page uses, posted with the context's cookie jar (so the session cookie lands in the
 * browser). For specs whose subject is not the sign-in itself.
 */
export async function loginAs(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/password", {
    form: { email: account.email, password: account.password, csrfToken, callbackUrl: "/settings/profile" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/settings/profile");
}

/** Signs in through /login as a person would (password step only). */
export async function signInWithForm(page: Page, account: Pick<Account, "email" | "password">, lang: "fr" | "en" = "fr"): Promise<void> {
  const text = authText[lang];
  await page.getByLabel(text.email, { exact: true }).fill(account.email);
  await page.getByLabel(text.password, { exact: true }).fill(account.password);
  await page.getByRole("button", { name: text.login.submit, exact: true }).click();
}

/** Signs out through the account menu of the settings header. */
export async function signOutWithMenu(page: Page, lang: "fr" | "en" = "fr"): Promise<void> {
  const text = layoutText[lang];
  await page.getByRole("button", { name: text.userMenu }).click();
  await page.getByRole("button", { name: text.signOut, exact: true }).click();
  await page.waitForURL(/\/login/);
}

/** A bearer for API calls on the account's behalf (seed 004 login). */
export async function apiToken(request: APIRequestContext, account: Pick<Account, "email" | "password">): Promise<string> {
  const response = await request.post("/api/auth/login", { data: { email: account.email, password: account.password } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}
