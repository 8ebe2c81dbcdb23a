import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { issueOneTimeToken } from "@/lib/services/verification/one-time-token";
import { createUser, uniqueEmail } from "../support/fixtures";

// The email-change links' buttons (app/(auth)/email-change-actions.ts): no session, the token is the proof.
let requestHeaders = new Headers({ "accept-language": "fr" });
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));

const links = await import("@/app/(auth)/email-change-actions");

const IDLE = { status: "idle" } as const;
const INVALID = { status: "error", code: "INVALID_OR_EXPIRED_TOKEN", message: "Token invalide ou expiré" };

function form(token?: string): FormData {
  const data = new FormData();
  if (token !== undefined) data.set("token", token);
  return data;
}

async function pendingChange() {
  const { user } = await createUser();
  const newEmail = uniqueEmail("link");
  const ttlMs = 60 * 60 * 1000;
  const { token: confirm } = await issueOneTimeToken({ purpose: "EMAIL_CHANGE", userId: user.id, ttlMs, target: newEmail });
  const { token: cancel } = await issueOneTimeToken({ purpose: "EMAIL_CHANGE_CANCEL", userId: user.id, ttlMs, target: user.email });
  return { user, newEmail, confirm, cancel };
}

describe("email-change link actions", () => {
  it("confirm: the new address becomes the account's, once", async () => {
    const { user, newEmail, confirm } = await pendingChange();
    expect(await links.confirmEmailChangeAction(IDLE, form(` ${confirm} `))).toEqual({ status: "done", email: newEmail });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect(await links.confirmEmailChangeAction(IDLE, form(confirm))).toEqual(INVALID);
  });

  it("cancel: the address stays, and the link works once", async () => {
    const { user, cancel } = await pendingChange();
    expect(await links.cancelEmailChangeAction(IDLE, form(cancel))).toEqual({ status: "done", email: user.email });
    expect(await links.cancelEmailChangeAction(IDLE, form(cancel))).toEqual(INVALID);
  });

  it("a missing or malformed token is a link that does not work, in the page's language", async () => {
    for (const token of [undefined, "", "not-a-token", "a".repeat(300), "\u0000"]) {
      expect(await links.confirmEmailChangeAction(IDLE, form(token)), String(token)).toEqual(INVALID);
      expect(await links.cancelEmailChangeAction(IDLE, form(token)), String(token)).toEqual(INVALID);
    }
    requestHeaders = new Headers({ "accept-language": "en" });
    expect(await links.confirmEmailChangeAction(IDLE, form("x"))).toEqual({ ...INVALID, message: "Invalid or expired token" });
  });
});
