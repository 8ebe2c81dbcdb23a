import { z } from "zod";

/**
 * An object schema that names each undocumented key in `details` ("field.unknown"), where
 * zod's strict mode would only say that some keys were unrecognised.
 */
export function strictBody<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((input, ctx) => {
    if (input && typeof input === "object" && !Array.isArray(input)) {
      for (const key of Object.keys(input)) {
        if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: "custom", path: [key], message: "field.unknown", input });
      }
    }
    return input;
  }, z.object(shape)).meta({ override: { additionalProperties: false } });
}
