import { z } from "zod";
import { email, id, message, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 004 (Postman collection): camelCase under `data.user`. Describes `lib/contracts/rest-v1/mappers.ts`. */

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
    avatarUrl: z.string().nullable().meta({ description: "Avatar URL (CONTRACT 7: shown in every profile shape); null when none." }),
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
