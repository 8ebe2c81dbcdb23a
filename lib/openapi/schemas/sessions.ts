import { z } from "zod";
import { id, successTrue, timestamp } from "@/lib/openapi/schemas/primitives";

/** Seed 004's sessions and login history: `lib/mappers/sessions.ts`. */

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
