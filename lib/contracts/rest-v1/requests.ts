import "server-only";
import { z } from "zod";
import { firstNameSchema, LIMITS, optionalText } from "@/lib/validation/profile";
import { strictBody } from "@/lib/validation/strict-body";
import { totpCodeSchema } from "@/lib/validation/two-factor";

/** `PATCH /api/me`. */
export const profileUpdate004Schema = strictBody({
  firstName: firstNameSchema.optional(),
  lastName: optionalText(LIMITS.name).optional(),
});

/** `GET /api/me/history?limit=10&offset=0`. */
export const historyQuerySchema = z.object({
  limit: z.coerce.number("number.pageSize").int("number.pageSize").min(1, "number.pageSize").max(100, "number.pageSize").default(50),
  offset: z.coerce.number("number.nonNegative").int("number.nonNegative").min(0, "number.nonNegative").default(0),
});

/** `DELETE /api/sessions/others/revoke`: the documented example sends a number. */
export const revokeOtherSessionsSchema = z.object({
  currentSessionId: z.union([z.string().trim().max(64), z.number().int().nonnegative()]).optional(),
});

/** `POST /api/auth/2fa/enable`: `{}` starts set-up, `{token}` confirms it. */
export const enableTwoFactorSchema = z.object({ token: totpCodeSchema.optional() });
