import type { Account } from "next-auth";
import { describe, expect, it } from "vitest";
import { UNKNOWN_CLIENT } from "@/lib/core/client-info";
import { prisma } from "@/lib/db/client";
import { findOrCreateSocialUser, linkSocialAccount } from "@/lib/services/auth/link-social-account";
import { createUser, uniqueEmail } from "../support/fixtures";

const account = (provider: string, providerAccountId: string, type: Account["type"] = "oauth"): Account => ({ provider, providerAccountId, type });

describe("linkSocialAccount (Auth.js signIn callback)", () => {
  it("creates the user and the provider account on a first sign-in, without storing provider tokens", async () => {
    const email = uniqueEmail("gh");
    const answer = await linkSocialAccount({
      user: { email, name: "Octo Cat", image: "https://example.com/o.png" },
      account: { ...account("github", "1001"), access_token: "gho_secret" },
      profile: { email, email_verified: true },
      client: UNKNOWN_CLIENT,
    });
    expect(answer).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user).toMatchObject({ name: "Octo Cat", firstName: "Octo", lastName: "Cat" });
    expect(user.accounts).toMatchObject([{ provider: "github", providerAccountId: "1001", access_token: null }]);
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: "USER_REGISTERED" } })).toBe(1);
  });

  it("links an existing user only when the provider vouches for the email", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    const refused = await linkSocialAccount({
      user: { email: user.email },
      account: account("github", "2002"),
      profile: { email: user.email, email_verified: false },
      client: UNKNOWN_CLIENT,
    });
    expect(refused).toBe("/login?error=OAUTH_ACCOUNT_NOT_LINKED");
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(0);

    const linked = await linkSocialAccount({
      user: { email: user.email },
      account: account("google", "g-2002", "oidc"),
      profile: { email: user.email, email_verified: true },
      client: UNKNOWN_CLIENT,
    });
    expect(linked).toBe(true);
    expect(await prisma.account.findMany({ where: { userId: user.id } })).toMatchObject([{ provider: "google", type: "oidc" }]);
  });

  it("signs a known provider account in even if its email changed, and refuses a disabled user", async () => {
    const { user } = await createUser({ emailVerified: new Date() });
    await prisma.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: "3003" } });
    const known = await findOrCreateSocialUser({
      identity: { provider: "github", providerAccountId: "3003", type: "oauth", email: uniqueEmail(), emailVerified: false },
      client: UNKNOWN_CLIENT,
    });
    expect(known).toMatchObject({ user: { id: user.id }, created: false, linked: false });

    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    const disabled = await linkSocialAccount({ user: { email: user.email }, account: account("github", "3003"), profile: {}, client: UNKNOWN_CLIENT });
    expect(disabled).toBe("/login?error=ACCOUNT_DISABLED");
  });

  it("refuses a sign-up without any email, and leaves credentials sign-ins alone", async () => {
    const missing = await linkSocialAccount({ user: { email: null }, account: account("github", "4004"), profile: {}, client: UNKNOWN_CLIENT });
    expect(missing).toBe("/login?error=OAUTH_EMAIL_MISSING");
    expect(await linkSocialAccount({ user: {}, account: { provider: "password", providerAccountId: "x", type: "credentials" }, client: UNKNOWN_CLIENT })).toBe(true);
  });
});
