import { z } from "zod";

/**
 * Seed 000's "paramètres de callback": what the provider put on the redirect, forwarded by
 * the client. Either a code or the provider's error, always with the state.
 */
export const integrationCallbackSchema = z
  .object({
    code: z.string().trim().min(1, "required").max(4096, "string.tooLong").optional(),
    state: z.string({ error: "required" }).trim().min(1, "required").max(512, "string.tooLong"),
    error: z.string().trim().min(1).max(256, "string.tooLong").optional(),
    error_description: z.string().max(2048, "string.tooLong").optional(),
  })
  .refine((value) => value.code !== undefined || value.error !== undefined, { path: ["code"], message: "required" });
