import "server-only";
import { z } from "zod";
import { email, id, message, timestamp } from "@/lib/contracts/shared/primitives";

/** Seed 002 (the Flutter app, docs/contracts/mobile.md): camelCase. Describes `lib/contracts/mobile/mappers.ts`. */

/** `me002`. */
export const Me002 = z
  .object({
    id,
    name: z.string().nullable().meta({ example: "John Doe" }),
    email,
    role: z.string().nullable().meta({ description: "Label shown under the name; null when not set.", example: "AI Enthusiast" }),
    location: z.string().nullable().meta({ example: "San Francisco, CA" }),
    phone: z.string().nullable().meta({ example: "+1 (555) 123-4567" }),
    birthDate: z.string().nullable().meta({ description: "YYYY-MM-DD.", example: "1990-05-17" }),
    bio: z.string().nullable().meta({ example: "AI Enthusiast | Tech Explorer" }),
    createdAt: timestamp.nullable().meta({ description: "Sign-up time (\"Joined January 2024\")." }),
    conversationsCount: z.number().int().meta({ example: 0 }),
    daysActive: z.number().int().meta({ description: "Days since sign-up, computed by the server.", example: 0 }),
    hoursSaved: z.number().int().meta({ example: 0 }),
    avatarUrl: z.string().nullable().meta({ description: "Avatar URL (shown in every profile shape: docs/contracts/README.md, \"Avatars\"); null when none.", example: null }),
  })
  .meta({ id: "Me002" });
export type Me002 = z.infer<typeof Me002>;

/** `meUpdated002`. */
export const MeUpdated002 = z.object({ message }).meta({ id: "MeUpdated002", description: "Message: \"Profile updated\" (as seed 002 shows it)." });
export type MeUpdated002 = z.infer<typeof MeUpdated002>;
