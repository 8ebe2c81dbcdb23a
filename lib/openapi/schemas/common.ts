import { z } from "zod";
import { message, successTrue } from "@/lib/openapi/schemas/primitives";

/** `{success: true, message}`: the acknowledgement most state-changing routes answer. */
export const SuccessMessageAnswer = z
  .object({ success: successTrue, message })
  .meta({ id: "SuccessMessageAnswer", description: "Acknowledgement with a localised message." });
export type SuccessMessageAnswer = z.infer<typeof SuccessMessageAnswer>;
