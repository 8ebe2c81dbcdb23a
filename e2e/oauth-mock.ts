/**
 * Where the e2e run's local OAuth server (oauth2-mock-server) listens, and the environment
 * that points the portal's Google Calendar integration at it. The server under test is
 * started before globalSetup, so playwright.config.ts passes this env to it at load time and
 * e2e/global-setup.ts starts the OAuth server on the same port. The port follows E2E_PORT
 * (+1000), so parallel runs on one machine do not collide.
 */
export function e2eOAuthPort(): number {
  return Number(process.env.E2E_OAUTH_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1000);
}

export function e2eOAuthUrl(): string {
  return `http://127.0.0.1:${e2eOAuthPort()}`;
}

/** The GitHub stand-in of e2e/oauth-social-and-integrations.spec.ts (its own server: GitHub needs per-test answers). */
export function e2eGitHubMockPort(): number {
  return Number(process.env.E2E_GITHUB_MOCK_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 29);
}

export function e2eIntegrationEnv(): Record<string, string> {
  const url = e2eOAuthUrl();
  const github = `http://127.0.0.1:${e2eGitHubMockPort()}`;
  return {
    AUTH_GITHUB_ID: "github-client",
    AUTH_GITHUB_SECRET: "github-secret",
    AUTH_GITHUB_AUTHORIZATION_URL: `${github}/authorize`,
    AUTH_GITHUB_TOKEN_URL: `${github}/token`,
    AUTH_GITHUB_USERINFO_URL: `${github}/userinfo`,
    AUTH_GITHUB_EMAILS_URL: `${github}/userinfo?emails=1`,
    INTEGRATION_CALENDAR_CLIENT_ID: "e2e-calendar-client",
    INTEGRATION_CALENDAR_CLIENT_SECRET: "e2e-calendar-secret",
    INTEGRATION_CALENDAR_AUTHORIZE_URL: `${url}/authorize`,
    INTEGRATION_CALENDAR_TOKEN_URL: `${url}/token`,
    INTEGRATION_CALENDAR_REVOKE_URL: `${url}/revoke`,
  };
}
