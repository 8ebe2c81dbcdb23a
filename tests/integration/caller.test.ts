import { describe, expect, it, vi } from "vitest";
import { getCaller, requireCaller } from "@/lib/auth/caller";
import { AppError } from "@/lib/api/errors";
import { setClock } from "@/lib/clock";
import { getDb, prisma } from "@/lib/db/client";
import { createUser, signInApi } from "../support/fixtures";

const withBearer = (token: string, init: RequestInit = {}) =>
  new Request("http://localhost:3000/api/x", { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe("the caller resolver", () => {
  it("accepts a live session's access token and refuses it once the session is revoked", async () => {
    const { user } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    expect((await getCaller(withBearer(accessToken)))?.user.id).toBe(user.id);
    await prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await getCaller(withBearer(accessToken))).toBeNull();
    await expect(requireCaller(withBearer(accessToken))).rejects.toMatchObject({ code: "INVALID_TOKEN", status: 401 });
  });

  it("refuses, without an error, a session whose user was deleted while it was being read", async () => {
    const { user } = await createUser();
    const { accessToken, sessionId } = await signInApi(user);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    // What Prisma answers when a concurrent DELETE /api/me commits between its read of the
    // session and its read of the user: the session, with a null user.
    const read = vi.spyOn(getDb().session, "findUnique").mockResolvedValueOnce({ ...session, user: null } as never);
    try {
      expect(await getCaller(withBearer(accessToken))).toBeNull();
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
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
    const error = await requireCaller(new Request("http://localhost:3000/api/x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAUTHORIZED");
  });

  it("answers 403 insufficient_scope when the token lacks the scope", async () => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user, { scopes: ["email"] });
    const error = (await requireCaller(withBearer(accessToken), { scope: "profile" }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("INSUFFICIENT_SCOPE");
    expect(error.options.headers?.["WWW-Authenticate"]).toMatch(/insufficient_scope/);
  });
});
