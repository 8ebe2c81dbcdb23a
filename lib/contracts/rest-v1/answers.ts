import "server-only";
import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/contracts/shared/primitives";
import { backupCodes, qrCode, secret } from "@/lib/contracts/shared/two-factor-answers";

/** Seed 004 (Postman collection): `{success, message?, data}`, camelCase inside. Each describes the mapper of `lib/contracts/rest-v1/mappers.ts` named like it. */

const MeUser004 = z
  .object({
    id,
    email,
    firstName: z.string().nullable().meta({ example: "John" }),
    lastName: z.string().nullable().meta({ example: "Doe" }),
    emailVerified: z.boolean(),
    emailVerifiedAt: timestamp.nullable(),
    twoFactorEnabled: z.boolean(),
    twoFactorEnabledAt: timestamp.nullable(),
    avatarUrl: z.string().nullable().meta({ description: "Avatar URL (docs/contracts/README.md, \"Avatars\": shown in every profile shape); null when none." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "MeUser004" });

/** `me004`. */
export const Me004 = z.object({ success: successTrue, data: z.object({ user: MeUser004 }) }).meta({ id: "Me004" });
export type Me004 = z.infer<typeof Me004>;

/** `meUpdated004`. */
export const MeUpdated004 = z
  .object({
    success: successTrue,
    message,
    data: z.object({ user: MeUser004.pick({ id: true, email: true, firstName: true, lastName: true, emailVerified: true }) }),
  })
  .meta({ id: "MeUpdated004", description: "Message: « Profil mis à jour avec succès »." });
export type MeUpdated004 = z.infer<typeof MeUpdated004>;

/** `session004`. */
export const Session004 = z
  .object({
    id,
    userAgent: z.string().nullable().meta({ example: "Mozilla/5.0..." }),
    ipAddress: z.string().nullable().meta({ example: "127.0.0.1" }),
    createdAt: timestamp,
    expiresAt: timestamp,
    isCurrent: z.boolean().meta({ description: "The session of this request." }),
  })
  .meta({ id: "Session004" });

/** `sessionList004`. */
export const SessionListAnswer004 = z
  .object({ success: successTrue, data: z.object({ sessions: z.array(Session004) }) })
  .meta({ id: "SessionListAnswer004" });
export type SessionListAnswer004 = z.infer<typeof SessionListAnswer004>;

/** `loginEvent004`. */
export const LoginEvent004 = z
  .object({
    id,
    ipAddress: z.string().nullable().meta({ example: "127.0.0.1" }),
    userAgent: z.string().nullable().meta({ example: "Mozilla/5.0..." }),
    success: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: "LoginEvent004" });

/** `loginHistory004`. */
export const LoginHistoryAnswer004 = z
  .object({
    success: successTrue,
    data: z.object({
      history: z.array(LoginEvent004),
      total: z.number().int().meta({ example: 10 }),
      limit: z.number().int().meta({ example: 10 }),
      offset: z.number().int().meta({ example: 0 }),
    }),
  })
  .meta({ id: "LoginHistoryAnswer004" });
export type LoginHistoryAnswer004 = z.infer<typeof LoginHistoryAnswer004>;

/** `GET /api/me/export`: everything stored about the caller, no secret or hash (`exportAccount`'s own shape). */
export const AccountExport = z
  .looseObject({
    exportedAt: timestamp,
    user: z.looseObject({ id: z.string(), email: z.string() }),
    twoFactor: z.looseObject({ enabled: z.boolean() }),
    socialAccounts: z.array(z.looseObject({ provider: z.string() })),
    sessions: z.array(z.looseObject({ id: z.string() })),
  })
  .meta({ id: "AccountExport", description: "A JSON download (`Content-Disposition: attachment`) of the account's data." });

/** `twoFactorSetup004`: `POST /api/auth/2fa/enable {}` (step 10). */
export const TwoFactorSetup004 = z
  .object({ success: successTrue, message, data: z.object({ secret, qrCode, manualEntryKey: secret }) })
  .meta({
    id: "TwoFactorSetup004",
    description: "Message: « Scannez le QR code avec votre application d'authentification » / \"Scan the QR code with your authenticator app\".",
  });
export type TwoFactorSetup004 = z.infer<typeof TwoFactorSetup004>;

/** `twoFactorEnabled004`: `POST /api/auth/2fa/enable {token}` (step 11). */
export const TwoFactorEnabled004 = z
  .object({ success: successTrue, message, data: z.object({ backupCodes }).optional() })
  .meta({ id: "TwoFactorEnabled004", description: "Message: « 2FA activé avec succès ». `data.backupCodes` (our addition) holds the new backup codes." });
export type TwoFactorEnabled004 = z.infer<typeof TwoFactorEnabled004>;

export const TwoFactorEnableAnswer004 = z.union([TwoFactorSetup004, TwoFactorEnabled004]).meta({ id: "TwoFactorEnableAnswer004" });
