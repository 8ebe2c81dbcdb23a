import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { getDb, setDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { api } from "../support/app-client";

describe("GET /api/health and /health", () => {
  it("reports the database as connected", async () => {
    for (const path of ["/api/health", "/health"]) {
      const res = await api.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok", database: "connected" });
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
  });

  it("answers 503 with database disconnected when the database cannot be reached", async () => {
    const healthy = getDb();
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgres://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    setDb(unreachable);
    try {
      const res = await api.get("/api/health");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ database: "disconnected" });
    } finally {
      setDb(healthy);
      await unreachable.$disconnect().catch(() => {});
    }
  });
});
