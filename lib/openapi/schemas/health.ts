import { z } from "zod";

/** CONTRACT 11: `GET /api/health` (and `/health`). */
export const HealthAnswer = z
  .object({
    status: z.enum(["ok", "error"]),
    database: z.enum(["connected", "disconnected"]),
  })
  .meta({ id: "HealthAnswer", example: { status: "ok", database: "connected" } });
export type HealthAnswer = z.infer<typeof HealthAnswer>;
