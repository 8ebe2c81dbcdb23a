import { describe, expect, it } from "vitest";
import { getCaller } from "@/lib/auth/caller";
import { authorizeRequest, POLICY } from "@/lib/auth/policy";
import { AppError } from "@/lib/core/errors";
import { setClock } from "@/lib/core/clock";
import { prisma } from "@/lib/db/client";
import { createUser, signInApi } from "../support/fixtures";
import { statementsOf } from "../support/statements";

const withBearer = (token: string, init: RequestInit = {}) =>
  new Request("http://localhost:3000/api/x", { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe("the caller resolver", () => {
  it("accepts a live session's access token and refuses it once the session is revoked", async () => {
    const { user } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    expect((await getCaller(withBearer(accessToken)))?.user.id).toBe(user.id);
    await prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await getCaller(withBearer(accessToken))).toBeNull();
    await expect(authorizeRequest(withBearer(accessToken), POLICY.signedIn)).rejects.toMatchObject({ code: "INVALID_TOKEN", status: 401 });
  });

  it("reads the session and its user in one statement", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const statements = await statementsOf(async () => expect((await getCaller(withBearer(accessToken)))?.user.id).toBe(user.id));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM "public"\."Session".*JOIN LATERAL.*FROM "public"\."User"/s);
  });

  it("refuses a session whose user was deactivated, from the same one statement", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getCaller(withBearer(accessToken))).toBeNull();
  });

  it("refuses an expired access token (15 minutes)", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    setClock(() => new Date(Date.now() + 16 * 60 * 1000));
    try {
      expect(await getCaller(withBearer(accessToken))).toBeNull();
    } finally {
      setClock(undefined);
    }
  });

  it("refuses a tampered token and answers 401 without credentials", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    expect(await getCaller(withBearer(accessToken.slice(0, -2) + "xx"))).toBeNull();
    const error = await authorizeRequest(new Request("http://localhost:3000/api/x"), POLICY.signedIn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAUTHORIZED");
  });

  it("answers 403 insufficient_scope when the token lacks the scope", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user, { scopes: ["email"] });
    const error = (await authorizeRequest(withBearer(accessToken), POLICY.profile).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("INSUFFICIENT_SCOPE");
    expect(error.options.headers?.["WWW-Authenticate"]).toMatch(/insufficient_scope/);
  });
});
