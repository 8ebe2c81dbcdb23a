import "server-only";
import { z } from "zod";

/** Building blocks of the response schemas: opaque ids and ISO 8601 timestamps (docs/contracts/README.md, "Ids and timestamps"). */
export const id = z.string().meta({ description: "Opaque identifier.", example: "cm3x9f2ka0000l208abcdefgh" });

export const timestamp = z.string().meta({ format: "date-time", example: "2024-01-01T00:00:00.000Z" });

/** Seed 001 only: Unix time in seconds, as its document shows. */
export const unixSeconds = z.number().int().meta({ description: "Unix time in seconds.", example: 1640995200 });

export const email = z.string().meta({ format: "email", example: "john.doe@example.com" });

export const message = z.string().meta({
  description: "Localised message: French by default, English when Accept-Language prefers it.",
});

export const accessToken = z.string().meta({
  description: "Short-lived JWT (15 minutes) bound to the session; send it as `Authorization: Bearer <token>`.",
  example: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
});

export const refreshToken = z.string().meta({
  description: "Opaque random string tied to one session; valid until the session expires (7 days) or is revoked.",
  example: "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f",
});

export const tokens = z.object({ accessToken, refreshToken });

export const successTrue = z.literal(true);
