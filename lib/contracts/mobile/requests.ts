import "server-only";
import { birthDateSchema, counterSchema, displayNameSchema, LIMITS, optionalPhone, optionalText } from "@/lib/validation/profile";
import { strictBody } from "@/lib/validation/strict-body";

/** 002 `PATCH /auth/me`. */
export const profileUpdate002Schema = strictBody({
  name: displayNameSchema.optional(),
  role: optionalText(LIMITS.role).optional(),
  location: optionalText(LIMITS.location).optional(),
  phone: optionalPhone.optional(),
  birthDate: birthDateSchema.nullable().optional(),
  bio: optionalText(LIMITS.bio).optional(),
  conversationsCount: counterSchema.optional(),
  hoursSaved: counterSchema.optional(),
});
