import { z } from "zod";
import { accessToken, email, id, message, successTrue, timestamp, tokens } from "@/lib/openapi/schemas/primitives";

/**
 * Answers of the authentication routes that several seeds share (CONTRACT 2: the union of
 * their fields). They describe `lib/mappers/auth.ts`.
 */

/** Top-level `user` of a sign-in: seed 002's `{id, name, email}` with seed 003's flags. */
export const SignInUser = z
  .object({
    id,
    email,
    name: z.string().nullable().meta({ example: "John Doe" }),
    is_active: z.boolean().meta({ description: "Email verified and account not disabled (seed 003)." }),
    email_verified: z.boolean(),
    created_at: timestamp,
  })
  .meta({ id: "SignInUser" });

/** `data.user` of a sign-in (seed 004). */
export const ApiUser = z
  .object({
    id,
    email,
    firstName: z.string().nullable().meta({ example: "John" }),
    lastName: z.string().nullable().meta({ example: "Doe" }),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
  })
  .meta({ id: "ApiUser" });

/** `signInAnswer`: login, signin, 2FA verification, Google/Apple and OAuth sign-ins. */
export const SignInAnswer = z
  .object({
    success: successTrue,
    message,
    user: SignInUser,
    accessToken,
    data: z.object({ user: ApiUser, tokens }),
  })
  .meta({
    id: "SignInAnswer",
    description:
      "A completed sign-in, readable by every client: seed 002 reads `user` and `accessToken`, seed 003 `success`, `message` and `user`, seed 004 `data.user` and `data.tokens`.",
  });
export type SignInAnswer = z.infer<typeof SignInAnswer>;

/** `twoFactorChallengeAnswer`: the password was right and the account has 2FA on. */
export const TwoFactorChallengeAnswer = z
  .object({
    success: successTrue,
    message,
    requires2FA: z.literal(true),
    tempToken: z.string().meta({
      description: "Good for 5 minutes, only for `POST /api/auth/2fa/verify`.",
      example: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
    }),
  })
  .meta({ id: "TwoFactorChallengeAnswer", description: "Second step required: send the code to `POST /api/auth/2fa/verify`." });
export type TwoFactorChallengeAnswer = z.infer<typeof TwoFactorChallengeAnswer>;

export const LoginAnswer = z.union([SignInAnswer, TwoFactorChallengeAnswer]).meta({ id: "LoginAnswer" });

/** `registerAnswer` for `POST /api/auth/register` (seeds 002 and 004). */
export const RegisterAnswer = z
  .object({
    success: successTrue,
    message,
    user: SignInUser,
    accessToken,
    data: z.object({ user: ApiUser, tokens }),
  })
  .meta({ id: "RegisterAnswer" });
export type RegisterAnswer = z.infer<typeof RegisterAnswer>;

/** `POST /api/auth/refresh` (seed 004). */
export const RefreshAnswer = z
  .object({ success: successTrue, data: z.object({ accessToken }) })
  .meta({ id: "RefreshAnswer" });
export type RefreshAnswer = z.infer<typeof RefreshAnswer>;
