import { z } from "zod";
import { email, id, message, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 002 (the Flutter app): camelCase profile of `GET /auth/me`. Describes `lib/mappers/profile-002.ts`. */
export const MeProfile002 = z
  .object({
    id,
    name: z.string().nullable().meta({ example: "John Doe" }),
    email,
    role: z.string().nullable().meta({ description: "Label shown under the name.", example: "AI Enthusiast" }),
    location: z.string().nullable().meta({ example: "San Francisco, CA" }),
    phone: z.string().nullable().meta({ example: "+1 (555) 123-4567" }),
    birthDate: z.string().nullable().meta({ description: "YYYY-MM-DD.", example: "1990-05-17" }),
    bio: z.string().nullable().meta({ example: "AI Enthusiast | Tech Explorer" }),
    createdAt: timestamp.nullable(),
    conversationsCount: z.number().int(),
    daysActive: z.number().int().meta({ description: "Days since sign-up, computed by the server." }),
    hoursSaved: z.number().int(),
  })
  .meta({ id: "MeProfile002" });
export type MeProfile002 = z.infer<typeof MeProfile002>;

export const MessageAnswer002 = z.object({ message }).meta({ id: "MessageAnswer002" });
