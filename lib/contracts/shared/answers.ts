import "server-only";
import { z } from "zod";
import { accessToken, email, id, message, successTrue, timestamp, tokens } from "@/lib/contracts/shared/primitives";

/**
 * Answers of the routes that several clients share: each answers the union of the fields
 * their documents show (docs/contracts/README.md, "Union answers: one route, several
 * clients"). Each describes the mapper of `lib/contracts/shared/mappers.ts` named like it.
 */

const nullableName = (example: string) => z.string().nullable().meta({ example });
const isActive = z.boolean().meta({ description: "Seed 003: email verified and account not disabled." });

/** `signInUser`: 002 reads `{id, name, email}`, 003 adds its flags, 004 reads the camelCase fields. */
export const SignInUser = z
  .object({
    id,
    email,
    name: nullableName("John Doe"),
    firstName: nullableName("John"),
    lastName: nullableName("Doe"),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    is_active: isActive,
    email_verified: z.boolean(),
    created_at: timestamp,
  })
  .meta({ id: "SignInUser", description: "The signed-in user, in every client's vocabulary at once." });

/** `signInAnswer`: login, `/auth/signin`, 2FA verification, Google/Apple and OAuth sign-ins. */
export const SignInAnswer = z
  .object({
    success: successTrue,
    message,
    user: SignInUser,
    accessToken,
    data: z.object({ user: SignInUser, tokens }),
  })
  .meta({
    id: "SignInAnswer",
    description:
      "A completed sign-in, readable by every client: seed 002 reads `user` and `accessToken`, seed 003 `success`, `message` and `user`, seed 004 `data.user` and `data.tokens`. Message: « Connexion réussie » / \"Signed in successfully\".",
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
  .meta({
    id: "TwoFactorChallengeAnswer",
    description: "Second step required: send the code to `POST /api/auth/2fa/verify`. Message: « Vérification 2FA requise » / \"2FA verification required\".",
  });
export type TwoFactorChallengeAnswer = z.infer<typeof TwoFactorChallengeAnswer>;

export const LoginAnswer = z.union([SignInAnswer, TwoFactorChallengeAnswer]).meta({ id: "LoginAnswer" });

/** `registerAnswer`'s user: 002's `{id, name, email}` and 004's camelCase fields. */
export const RegisteredUser = z
  .object({ id, email, name: nullableName("John Doe"), firstName: nullableName("John"), lastName: nullableName("Doe"), emailVerified: z.boolean() })
  .meta({ id: "RegisteredUser" });

/** `registerAnswer` (`POST /api/auth/register`, seeds 002 and 004). */
export const RegisterAnswer = z
  .object({
    success: successTrue,
    message,
    user: RegisteredUser,
    accessToken: accessToken.optional(),
    data: z.object({ user: RegisteredUser, tokens: tokens.optional() }),
  })
  .meta({
    id: "RegisterAnswer",
    description:
      "Seed 002 reads `user` and `accessToken`, seed 004 `data.user` and `data.tokens`. The tokens are absent when the deployment requires a verified email before sign-in (`AUTH_REQUIRE_VERIFIED_EMAIL=true`). Message: « Inscription réussie. Un email de vérification a été envoyé. »",
  });
export type RegisterAnswer = z.infer<typeof RegisterAnswer>;

/** `messageAnswer`: `{success: true, message}`. */
export const MessageAnswer = z
  .object({ success: successTrue, message })
  .meta({ id: "MessageAnswer", description: "Acknowledgement with a localised message." });
export type MessageAnswer = z.infer<typeof MessageAnswer>;

/** `reauthenticatedAnswer`: `POST /api/auth/reauthenticate`, in seed 004's envelope. */
export const ReauthenticatedAnswer = z
  .object({
    success: successTrue,
    message,
    data: z.object({
      reauthenticatedAt: timestamp,
      sudoUntil: timestamp.meta({ description: "Sensitive changes are allowed on this session until then (10 minutes)." }),
    }),
  })
  .meta({ id: "ReauthenticatedAnswer" });

/** `refreshAnswer`: `POST /api/auth/refresh` (seed 004). */
export const RefreshAnswer = z.object({ success: successTrue, data: z.object({ accessToken }) }).meta({ id: "RefreshAnswer" });
export type RefreshAnswer = z.infer<typeof RefreshAnswer>;

/** `healthAnswer`: `GET /api/health` (and `/health`; docs/contracts/README.md, "Running modes"). */
export const HealthAnswer = z
  .object({
    status: z.enum(["ok", "error"]),
    database: z.enum(["connected", "disconnected"]),
  })
  .meta({ id: "HealthAnswer", example: { status: "ok", database: "connected" } });
export type HealthAnswer = z.infer<typeof HealthAnswer>;
