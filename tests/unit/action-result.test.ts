import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runAction } from "@/lib/actions/action-result";
import { AppError } from "@/lib/core/errors";
import { validate } from "@/lib/validation/validate";

describe("runAction", () => {
  it("answers ok with the work's fields", async () => {
    expect(await runAction("fr", async () => ({ count: 2 }))).toEqual({ ok: true, count: 2 });
  });

  it("answers an AppError as its code and the API's localised message", async () => {
    const work = async () => {
      throw new AppError("INVALID_PASSWORD");
    };
    expect(await runAction("fr", work)).toEqual({ ok: false, error: "INVALID_PASSWORD", message: "Mot de passe actuel incorrect" });
    expect(await runAction("en", work)).toEqual({ ok: false, error: "INVALID_PASSWORD", message: "Current password is incorrect" });
  });

  it("turns validation details into field errors in the caller's language", async () => {
    const schema = z.object({ email: z.email("email.invalid") });
    const result = await runAction("en", async () => validate(schema, { email: "nope" }, "en"));
    expect(result).toEqual({ ok: false, error: "VALIDATION_ERROR", message: "Invalid data", fieldErrors: { email: "Invalid email format" } });
  });

  it("hides unexpected errors behind INTERNAL_ERROR", async () => {
    const result = await runAction("fr", async () => {
      throw new Error("SELECT * FROM secrets failed");
    });
    expect(result).toEqual({ ok: false, error: "INTERNAL_ERROR", message: "Erreur interne du serveur" });
    expect(JSON.stringify(result)).not.toContain("secrets");
  });

  it("lets Next's redirect signal through (requireUser inside an action)", async () => {
    await expect(runAction("fr", async () => redirect("/login"))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
