import { z } from "zod";
import { id, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 004's `/api/sessions`. Describes `lib/mappers/sessions.ts`. */
export const SessionItem = z
  .object({
    id,
    userAgent: z.string().nullable().meta({ example: "Mozilla/5.0..." }),
    ipAddress: z.string().nullable().meta({ example: "127.0.0.1" }),
    createdAt: timestamp,
    expiresAt: timestamp,
    isCurrent: z.boolean().meta({ description: "The session of this request." }),
  })
  .meta({ id: "SessionItem" });

export const SessionListAnswer = z
  .object({ success: successTrue, data: z.object({ sessions: z.array(SessionItem) }) })
  .meta({ id: "SessionListAnswer" });
export type SessionListAnswer = z.infer<typeof SessionListAnswer>;
