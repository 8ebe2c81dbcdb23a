import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 004 (Postman collection): camelCase `/api/me`. Describes `lib/mappers/profile-004.ts`. */

export const Me004 = z
  .object({
    id,
    email,
    firstName: z.string().nullable().meta({ example: "John" }),
    lastName: z.string().nullable().meta({ example: "Doe" }),
    emailVerified: z.boolean(),
    emailVerifiedAt: timestamp.nullable(),
    twoFactorEnabled: z.boolean(),
    twoFactorEnabledAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Me004" });

export const MeAnswer004 = z.object({ success: successTrue, data: z.object({ user: Me004 }) }).meta({ id: "MeAnswer004" });
export type MeAnswer004 = z.infer<typeof MeAnswer004>;

export const MeUpdateAnswer004 = z
  .object({
    success: successTrue,
    message,
    data: z.object({ user: Me004.pick({ id: true, email: true, firstName: true, lastName: true, emailVerified: true }) }),
  })
  .meta({ id: "MeUpdateAnswer004" });
export type MeUpdateAnswer004 = z.infer<typeof MeUpdateAnswer004>;

export const LoginHistoryItem004 = z
  .object({
    id,
    ipAddress: z.string().nullable().meta({ example: "127.0.0.1" }),
    userAgent: z.string().nullable().meta({ example: "Mozilla/5.0..." }),
    success: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: "LoginHistoryItem004" });

export const LoginHistoryAnswer004 = z
  .object({
    success: successTrue,
    data: z.object({
      history: z.array(LoginHistoryItem004),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
  })
  .meta({ id: "LoginHistoryAnswer004" });
export type LoginHistoryAnswer004 = z.infer<typeof LoginHistoryAnswer004>;
