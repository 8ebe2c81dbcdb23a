import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { MailCategory } from "@/lib/mail/send-email";
import { EmailChangedEmail } from "@/lib/mail/templates/email-changed";
import { sendNotificationEmail } from "@/lib/services/notifications/send-notification-email";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "@/lib/validation/notifications";
import { api } from "../support/app-client";
import { createUser, latestEmail, signInApi } from "../support/fixtures";

type Preferences = typeof DEFAULT_NOTIFICATION_PREFERENCES;

async function signedIn() {
  const { user } = await createUser();
  const { accessToken } = await signInApi(user);
  return { user, token: accessToken };
}

describe("seed 000 GET/PUT /api/users/profile/notifications", () => {
  it("gives a new user seed 000's defaults", async () => {
    const { token } = await signedIn();
    const res = await api.get<Preferences>("/api/users/profile/notifications", { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      email: { newMessages: true, interviewReminders: true, weeklyReports: true, marketingEmails: false },
      push: { newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: true },
      desktop: { newMessages: true, interviewReminders: true, candidateUpdates: false, teamNotifications: true },
    });
  });

  it("round-trips a full update", async () => {
    const { token } = await signedIn();
    const all = (value: boolean) => ({
      email: { newMessages: value, interviewReminders: value, weeklyReports: value, marketingEmails: value },
      push: { newMessages: value, interviewReminders: value, candidateUpdates: value, teamNotifications: value },
      desktop: { newMessages: value, interviewReminders: value, candidateUpdates: value, teamNotifications: value },
    });
    const put = await api.put<Preferences>("/api/users/profile/notifications", all(false), { token });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(all(false));
    expect((await api.get("/api/users/profile/notifications", { token })).body).toEqual(all(false));
    expect((await api.put("/api/users/profile/notifications", all(true), { token })).body).toEqual(all(true));
  });

  it("merges a partial update, keeping every other switch", async () => {
    const { token } = await signedIn();
    const res = await api.put<Preferences>("/api/users/profile/notifications", { email: { marketingEmails: true }, desktop: { newMessages: false } }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      email: { ...DEFAULT_NOTIFICATION_PREFERENCES.email, marketingEmails: true },
      desktop: { ...DEFAULT_NOTIFICATION_PREFERENCES.desktop, newMessages: false },
    });
    const second = await api.put<Preferences>("/api/users/profile/notifications", { push: { teamNotifications: false } }, { token });
    expect(second.body.email.marketingEmails).toBe(true);
    expect(second.body.desktop.newMessages).toBe(false);
    expect(second.body.push.teamNotifications).toBe(false);
    // The 000 profile embeds the same preferences.
    const profile = await api.get<{ notification_preferences: Preferences }>("/api/users/profile", { token });
    expect(profile.body.notification_preferences).toEqual(second.body);
  });

  it("keeps both of two concurrent partial updates", async () => {
    const { token } = await signedIn();
    await Promise.all([
      api.put("/api/users/profile/notifications", { email: { newMessages: false } }, { token }),
      api.put("/api/users/profile/notifications", { push: { newMessages: false } }, { token }),
      api.put("/api/users/profile/notifications", { desktop: { teamNotifications: false } }, { token }),
    ]);
    const res = await api.get<Preferences>("/api/users/profile/notifications", { token });
    expect(res.body.email.newMessages).toBe(false);
    expect(res.body.push.newMessages).toBe(false);
    expect(res.body.desktop.teamNotifications).toBe(false);
  });

  it("refuses unknown channels, unknown keys and non-booleans with 400, changing nothing", async () => {
    const { user, token } = await signedIn();
    const cases: [unknown, string][] = [
      [{ sms: { newMessages: true } }, "sms"],
      [{ email: { newsletter: true } }, "email.newsletter"],
      [{ push: { candidateUpdates: "yes" } }, "push.candidateUpdates"],
      [{ desktop: { newMessages: 1 } }, "desktop.newMessages"],
      [{ email: { weeklyReports: null } }, "email.weeklyReports"],
      [{ desktop: ["newMessages"] }, "desktop"],
    ];
    for (const [body, field] of cases) {
      const res = await api.put("/api/users/profile/notifications", body, { token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
      expect(res.body.details, JSON.stringify(body)).toHaveProperty([field]);
    }
    const list = await api.put("/api/users/profile/notifications", [true], { token });
    expect(list.status).toBe(400);
    expect(await prisma.notificationPreferences.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("needs a signed-in caller", async () => {
    expect((await api.get("/api/users/profile/notifications")).status).toBe(401);
    expect((await api.put("/api/users/profile/notifications", { email: { newMessages: false } })).status).toBe(401);
  });
});

describe("sendNotificationEmail honours the preferences", () => {
  const mail = (to: string, category: MailCategory, userId?: string) =>
    sendNotificationEmail({
      to,
      userId,
      category,
      subject: `${category} ${to}`,
      react: createElement(EmailChangedEmail, { locale: "fr", newEmail: category }),
    });

  it("skips marketing mail by default and sends it once the user opts in", async () => {
    const { user, token } = await signedIn();
    expect(await mail(user.email, "marketingEmails", user.id)).toBe(false);
    expect(await latestEmail(user.email)).toBeUndefined();
    await api.put("/api/users/profile/notifications", { email: { marketingEmails: true } }, { token });
    expect(await mail(user.email, "marketingEmails", user.id)).toBe(true);
    expect((await latestEmail(user.email))?.subject).toBe(`marketingEmails ${user.email}`);
  });

  it("skips weekly reports once switched off, finding the user by address when no id is given", async () => {
    const { user, token } = await signedIn();
    expect(await mail(user.email, "weeklyReports")).toBe(true);
    await api.put("/api/users/profile/notifications", { email: { weeklyReports: false } }, { token });
    expect(await mail(user.email, "weeklyReports")).toBe(false);
    expect(await mail(user.email, "weeklyReports", user.id)).toBe(false);
  });

  it("always sends security mail, whatever the switches say", async () => {
    const { user, token } = await signedIn();
    const off = { newMessages: false, interviewReminders: false, weeklyReports: false, marketingEmails: false };
    await api.put("/api/users/profile/notifications", { email: off }, { token });
    expect(await mail(user.email, "security", user.id)).toBe(true);
    expect((await latestEmail(user.email))?.subject).toBe(`security ${user.email}`);
  });
});
