import { z } from "zod";
import { message, successTrue } from "@/lib/openapi/schemas/primitives";

/** Seed 004's `POST /api/auth/2fa/enable` first step. Describes `lib/mappers/two-factor.ts`. */
export const TwoFactorSetupAnswer004 = z
  .object({
    success: successTrue,
    message,
    data: z.object({
      secret: z.string().meta({ example: "JBSWY3DPEHPK3PXP" }),
      qrCode: z.string().meta({ description: "A `data:image/png;base64,...` URL.", example: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA..." }),
      manualEntryKey: z.string().meta({ example: "JBSWY3DPEHPK3PXP" }),
    }),
  })
  .meta({ id: "TwoFactorSetupAnswer004" });
export type TwoFactorSetupAnswer004 = z.infer<typeof TwoFactorSetupAnswer004>;
