import { z } from "zod";
import { timestamp } from "@/lib/openapi/schemas/primitives";

/** `exportAccount` (`GET /api/me/export`): everything stored about the caller, no secret or hash. */
export const AccountExport = z
  .looseObject({
    exportedAt: timestamp,
    user: z.looseObject({ id: z.string(), email: z.string() }),
    twoFactor: z.looseObject({ enabled: z.boolean() }),
    socialAccounts: z.array(z.looseObject({ provider: z.string() })),
    sessions: z.array(z.looseObject({ id: z.string() })),
  })
  .meta({ id: "AccountExport", description: "A JSON download (`Content-Disposition: attachment`) of the account's data." });
