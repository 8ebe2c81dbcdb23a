import { createAnswerValidator, type AnswerCheck, type DocumentOperation } from "@/tests/support/answer-validator";
import { generateTotpCode } from "@/lib/services/two-factor/totp";

/**
 * The contract test, shared by the in-process run (tests/integration/openapi-contract.test.ts)
 * and the one against the production server (e2e/api-contract.spec.ts): every documented
 * operation is called with a request built from its own example, on a fresh account, and
 * each answer is checked against the response schema documented for its status. Then every
 * secured operation is called without a credential (401) and every JSON body replaced by
 * garbage (400), and those answers are checked too.
 */

export type ContractAnswer = { status: number; body: unknown };

export type ContractClient = {
  send(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: FormData; headers?: Record<string, string> },
  ): Promise<ContractAnswer>;
  /** The newest email sent to this address, as the outbox holds it. */
  latestEmail(to: string): Promise<{ text: string } | undefined>;
  uniqueEmail(): string;
  /** A small image file for the avatar routes. */
  image(): Promise<Blob>;
};

export type ContractResult = {
  name: string;
  method: string;
  path: string;
  status: number;
  /** What this call had to answer: a success, any documented status, 401 or 400. */
  expected: "success" | "documented" | number;
  check: AnswerCheck;
};

type Account = { email: string; password: string; accessToken: string; refreshToken: string };

type Plan = {
  path?: string;
  token?: string;
  json?: unknown;
  body?: FormData;
  headers?: Record<string, string>;
  /** Set when success needs what a test cannot have (a provider's token, credentials). */
  expect?: "documented";
};

const PASSWORD = "Str0ng-Passphrase!";
const NEW_PASSWORD = "N3w-Str0ng-Passphrase!";

/** Operations that cannot succeed without a real provider: they must answer a documented error. */
const NEEDS_A_PROVIDER = new Set(["startOAuthSignIn", "completeOAuthSignIn", "signInWithGoogle", "signInWithApple", "getIntegrationAuthUrl", "completeIntegration", "disconnectIntegration"]);

export async function runContract(document: object, client: ContractClient): Promise<ContractResult[]> {
  const validator = await createAnswerValidator(document);
  const results: ContractResult[] = [];

  async function register(): Promise<Account> {
    const email = client.uniqueEmail();
    const answer = await client.send("POST", "/api/auth/register", { json: { email, password: PASSWORD, name: "Contract Test" } });
    const body = answer.body as { accessToken?: string; data?: { tokens?: { refreshToken?: string } } };
    if (answer.status !== 201 || !body.accessToken || !body.data?.tokens?.refreshToken) {
      throw new Error(`Could not register a test account: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return { email, password: PASSWORD, accessToken: body.accessToken, refreshToken: body.data.tokens.refreshToken };
  }

  /**
   * The token of the email a request triggers. Mail about an address is sent after the answer
   * (so that known and unknown addresses cost the same), so this waits for a message newer
   * than the one the address had before, rather than reading an older token.
   */
  async function emailedToken(account: Account, trigger: () => Promise<ContractAnswer>): Promise<string> {
    const before = (await client.latestEmail(account.email))?.text;
    const answer = await trigger();
    if (answer.status !== 200) throw new Error(`Email trigger failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    let message = await client.latestEmail(account.email);
    for (let tries = 0; tries < 100 && (!message || message.text === before); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      message = await client.latestEmail(account.email);
    }
    const token = message && /\b([0-9a-f]{64})\b/.exec(message.text)?.[1];
    if (!token) throw new Error(`No token emailed to ${account.email}`);
    return token;
  }

  const resetToken = (account: Account) =>
    emailedToken(account, () => client.send("POST", "/api/auth/forgot-password", { json: { email: account.email } }));
  const verificationToken = (account: Account) =>
    emailedToken(account, () => client.send("POST", "/api/auth/send-verification", { token: account.accessToken }));

  /** Turns 2FA on through the settings routes; answers the unused backup codes. */
  async function enableTwoFactor(account: Account): Promise<string[]> {
    const init = await client.send("POST", "/api/users/profile/2fa/init", { token: account.accessToken });
    const { secretKey, backupCodes } = init.body as { secretKey: string; backupCodes: string[] };
    const confirm = await client.send("POST", "/api/users/profile/2fa/verify", { token: account.accessToken, json: { method: "app", code: generateTotpCode(secretKey) } });
    if (confirm.status !== 200) throw new Error(`Could not enable 2FA: ${confirm.status} ${JSON.stringify(confirm.body)}`);
    return backupCodes;
  }

  async function currentSessionId(account: Account): Promise<string> {
    const answer = await client.send("GET", "/api/sessions", { token: account.accessToken });
    const sessions = (answer.body as { data: { sessions: { id: string; isCurrent: boolean }[] } }).data.sessions;
    return sessions.find((s) => s.isCurrent)!.id;
  }

  async function login(account: Account): Promise<ContractAnswer> {
    return client.send("POST", "/api/auth/login", { json: { email: account.email, password: account.password } });
  }

  async function withEmailChangeToken(account: Account): Promise<string> {
    const newEmail = client.uniqueEmail();
    await client.send("PUT", "/api/users/profile", { token: account.accessToken, json: { email: newEmail } });
    const message = await client.latestEmail(newEmail);
    const token = message && /\b([0-9a-f]{64})\b/.exec(message.text)?.[1];
    if (!token) throw new Error("No email change token");
    return token;
  }

  /** How to call each operation successfully, beyond its example (keyed by operationId, aliases share it). */
  const PLANS: Record<string, (account: Account, op: DocumentOperation) => Promise<Plan>> = {
    register: async () => ({ json: { email: client.uniqueEmail(), password: PASSWORD, firstName: "John", lastName: "Doe" } }),
    registerUser003: async () => {
      const email = client.uniqueEmail();
      return { json: { name: "John Doe", email, password: PASSWORD, confirmPassword: PASSWORD } };
    },
    login: async (a) => ({ json: { email: a.email, password: a.password } }),
    refreshAccessToken: async (a) => ({ json: { refreshToken: a.refreshToken } }),
    reauthenticate: async (a) => ({ token: a.accessToken, json: { password: a.password } }),
    logout: async (a) => ({ token: a.accessToken, json: { refreshToken: a.refreshToken } }),
    changePassword: async (a) => ({ token: a.accessToken, json: { currentPassword: a.password, newPassword: NEW_PASSWORD } }),
    changePassword000: async (a) => ({ token: a.accessToken, json: { current_password: a.password, new_password: NEW_PASSWORD } }),
    forgotPassword: async (a) => ({ json: { email: a.email } }),
    resetPassword: async (a) => ({ json: { token: await resetToken(a), newPassword: NEW_PASSWORD } }),
    confirmPasswordReset: async (a) => ({ json: { token: await resetToken(a), newPassword: NEW_PASSWORD } }),
    requestPasswordReset003: async (a) => ({ json: { email: a.email } }),
    checkPasswordResetToken003: async (a) => ({ path: `/api/auth/password-reset/verify/${await resetToken(a)}` }),
    resetPassword003: async (a) => ({
      path: `/api/auth/password-reset/reset/${await resetToken(a)}`,
      json: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    }),
    verifyEmail: async (a) => ({ json: { token: await verificationToken(a) } }),
    verifyEmail003: async (a) => ({ path: `/api/verification/verify/${await verificationToken(a)}` }),
    sendVerification003: async (a) => ({ json: { email: a.email } }),
    resendVerification003: async (a) => ({ json: { email: a.email } }),
    getUserStatus003: async (a) => ({ path: `/api/auth/status/${encodeURIComponent(a.email)}` }),
    getProfile003: async (a) => ({ path: `/api/users/profile/${encodeURIComponent(a.email)}` }),
    updateProfile003: async (a) => ({
      path: `/api/users/profile/${encodeURIComponent(a.email)}`,
      json: { name: "Jane Doe", currentPassword: a.password, newPassword: NEW_PASSWORD },
    }),
    deleteAccount003: async (a) => ({ path: `/api/users/profile/${encodeURIComponent(a.email)}`, json: { password: a.password } }),
    deleteAccount004: async (a) => ({ json: { password: a.password } }),
    verifyTwoFactorLogin: async (a) => {
      const [code] = await enableTwoFactor(a);
      const challenge = (await login(a)).body as { tempToken: string };
      return { json: { tempToken: challenge.tempToken, token: code } };
    },
    confirmTwoFactor000: async (a) => {
      const init = await client.send("POST", "/api/users/profile/2fa/init", { token: a.accessToken });
      return { json: { method: "app", code: generateTotpCode((init.body as { secretKey: string }).secretKey) } };
    },
    disableTwoFactor000: async (a) => (await enableTwoFactor(a), { json: {} }),
    regenerateBackupCodes000: async (a) => (await enableTwoFactor(a), { json: {} }),
    disableTwoFactor004: async (a) => ({ json: { token: (await enableTwoFactor(a))[0] } }),
    regenerateBackupCodes004: async (a) => ({ json: { token: (await enableTwoFactor(a))[0] } }),
    revokeSession: async (a) => {
      const other = (await login(a)).body as { data: { tokens: { accessToken: string } } };
      const otherId = await currentSessionId({ ...a, accessToken: other.data.tokens.accessToken });
      return { path: `/api/sessions/${otherId}` };
    },
    revokeOtherSessions: async (a) => ({ json: { currentSessionId: await currentSessionId(a) } }),
    uploadAvatar000: async () => {
      const form = new FormData();
      form.append("avatar", await client.image(), "avatar.png");
      return { body: form };
    },
    uploadPhoto001: async () => {
      const form = new FormData();
      form.append("photo", await client.image(), "photo.png");
      return { body: form };
    },
    confirmEmailChange: async (a) => ({ json: { token: await withEmailChangeToken(a) } }),
    showEmailChangeConfirmation: async () => ({ path: "/api/users/profile/email/confirm?token=abc" }),
  };

  const baseId = (id: string) => id.replace(/AtRoot(Signin)?$/, "");

  function examplePath(op: DocumentOperation): string {
    return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const param = op.operation.parameters?.find((p) => p.in === "path" && p.name === name);
      const example = param?.schema?.example;
      return encodeURIComponent(typeof example === "string" ? example : "example");
    });
  }

  function exampleBody(op: DocumentOperation): unknown {
    const examples = op.operation.requestBody?.content["application/json"]?.examples;
    return examples ? Object.values(examples)[0]?.value : undefined;
  }

  const isSecured = (op: DocumentOperation) => (op.operation.security ?? []).length > 0;
  const isOptional = (op: DocumentOperation) => (op.operation.security ?? []).some((s) => Object.keys(s).length === 0);
  const hasJsonBody = (op: DocumentOperation) => Boolean(op.operation.requestBody?.content["application/json"]);

  function record(op: DocumentOperation, name: string, expected: ContractResult["expected"], answer: ContractAnswer, path: string) {
    results.push({
      name,
      method: op.method.toUpperCase(),
      path,
      status: answer.status,
      expected,
      check: validator.check(op.path, op.method, answer.status, answer.body),
    });
  }

  for (const op of validator.operations) {
    const id = baseId(op.operation.operationId);
    const account = await register();
    const plan: Plan = (await PLANS[id]?.(account, op)) ?? {};
    const path = plan.path ? plan.path.replace(/^\/api\/auth\//, op.path.startsWith("/auth/") ? "/auth/" : "/api/auth/") : examplePath(op);
    const token = plan.token ?? (isSecured(op) ? account.accessToken : undefined);
    const json = plan.body ? undefined : (plan.json ?? exampleBody(op));
    const answer = await client.send(op.method.toUpperCase(), path, { token, json, body: plan.body, headers: plan.headers });
    record(op, `${op.operation.operationId}: ${op.method.toUpperCase()} ${op.path}`, NEEDS_A_PROVIDER.has(id) || plan.expect ? "documented" : "success", answer, path);

    if (isSecured(op) && !isOptional(op)) {
      const anonymous = await client.send(op.method.toUpperCase(), examplePath(op), { json: exampleBody(op) });
      record(op, `${op.operation.operationId} without credentials`, 401, anonymous, examplePath(op));
    }
    if (hasJsonBody(op)) {
      const fresh = isSecured(op) ? await register() : account;
      const garbagePath = PLANS[id] && op.path.includes("{email}") ? examplePath(op).replace(/[^/]+$/, encodeURIComponent(fresh.email)) : examplePath(op);
      const garbage = await client.send(op.method.toUpperCase(), garbagePath, {
        token: isSecured(op) ? fresh.accessToken : undefined,
        json: ["not", "an", "object"],
      });
      record(op, `${op.operation.operationId} with an invalid body`, 400, garbage, garbagePath);
    }
  }
  return results;
}

/** A result is right when its status is what was expected and its body what the document says. */
export function contractFailures(results: ContractResult[]): string[] {
  return results.flatMap((r) => {
    const problems: string[] = [];
    if (!r.check.ok) problems.push(r.check.reason);
    if (r.expected === "success" && (r.status < 200 || r.status >= 400)) problems.push(`expected a success, got ${r.status}`);
    if (typeof r.expected === "number" && r.status !== r.expected) problems.push(`expected ${r.expected}, got ${r.status}`);
    return problems.length ? [`${r.name} (${r.method} ${r.path}): ${problems.join("; ")}`] : [];
  });
}
