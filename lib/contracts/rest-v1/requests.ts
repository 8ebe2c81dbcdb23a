import { firstNameSchema, LIMITS, optionalText } from "@/lib/validation/profile";
import { strictBody } from "@/lib/validation/strict-body";

/** `PATCH /api/me`. */
export const profileUpdate004Schema = strictBody({
  firstName: firstNameSchema.optional(),
  lastName: optionalText(LIMITS.name).optional(),
});
