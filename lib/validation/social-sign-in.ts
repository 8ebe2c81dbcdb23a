import { z } from "zod";

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
