import { describe, expect, it } from "vitest";
import { DEFAULT_REDIRECT, safeRedirect } from "@/lib/auth/safe-redirect";

describe("safeRedirect keeps post-sign-in redirects inside the portal", () => {
  it.each([
    ["/settings/security", "/settings/security"],
    ["/settings/profile?tab=1#avatar", "/settings/profile?tab=1#avatar"],
    ["/verify-email?token=abc", "/verify-email?token=abc"],
  ])("keeps the portal path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/settings",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http:evil.example",
    "settings/profile",
    "?callbackUrl=x",
    "",
    "   ",
    "/login",
    "/login?callbackUrl=/x",
    "/register",
    "/api/auth/signout",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input)).toBe(DEFAULT_REDIRECT);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(undefined)).toBe(DEFAULT_REDIRECT);
    expect(safeRedirect(["/settings"])).toBe(DEFAULT_REDIRECT);
  });

  it("reduces an absolute URL on the portal's own origin to its path, and nothing else", () => {
    expect(safeRedirect("http://localhost:3000/settings/security?x=1", { origin: "http://localhost:3000" })).toBe("/settings/security?x=1");
    expect(safeRedirect("http://localhost:3001/settings", { origin: "http://localhost:3000" })).toBe(DEFAULT_REDIRECT);
    expect(safeRedirect("https://localhost:3000/settings", { origin: "http://localhost:3000" })).toBe(DEFAULT_REDIRECT);
  });

  it("lets sign-out go to the login page, and nothing else more", () => {
    expect(safeRedirect("/login?signedOut=1", { allowAuthPages: true })).toBe("/login?signedOut=1");
    expect(safeRedirect("//evil.example", { allowAuthPages: true })).toBe(DEFAULT_REDIRECT);
    expect(safeRedirect("/api/auth/signout", { allowAuthPages: true })).toBe(DEFAULT_REDIRECT);
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.example", { fallback: "/" })).toBe("/");
  });
});
