import "server-only";
import { z } from "zod";
import { emailSchema, tokenSchema } from "@/lib/validation/auth";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";

/**
 * Bodies only the shared API routes read. Those the portal's own pages and actions send too
 * (login, register, password change and reset, re-authentication) stay in lib/validation/auth.ts.
 */

/** An emailed or refresh token as the examples show it: 64 hex characters. */
export const EXAMPLE_TOKEN = "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f";

const jwt = z.string({ error: "required" }).trim().min(1, "required").max(16_384, "string.tooLong");

/** Seed 002 `POST /auth/google`. */
export const googleSignInSchema = z.object({ idToken: jwt });

/**
 * Seed 002 `POST /auth/apple`. `user` is what Apple hands the app on the first consent only
 * (`{"name":{"firstName","lastName"},"email"}` as a string); only the name is read from it,
 * since it is not signed.
 */
export const appleSignInSchema = z.object({
  identityToken: jwt,
  user: z.union([z.string().max(4096, "string.tooLong"), z.record(z.string(), z.unknown())]).optional().nullable(),
});

/** Seed 004 `POST /api/auth/2fa/verify`: the second step of an API sign-in. */
export const verifyTwoFactorLoginSchema = z.object({
  tempToken: z.string("required").trim().min(1, "required").max(256, "token.invalid"),
  token: secondFactorCodeSchema,
});

export const refreshSchema = z.object({ refreshToken: tokenSchema });

/** 004 sends its refresh token, 003 the email; both optional because a bearer alone is enough. */
export const logoutSchema = z.object({
  refreshToken: z.string().trim().max(256, "token.invalid").optional(),
  email: emailSchema.optional(),
});

export const verifyEmailSchema = z.object({ token: tokenSchema });
