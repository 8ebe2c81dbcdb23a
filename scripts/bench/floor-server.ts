/**
 * The bare floor for `GET /api/me`: a Node.js `http` server doing the route's work
 * (floor-work.ts: the same token check, one query, the same JSON) and nothing else.
 * next-floor/ does the same work inside a minimal Next.js app.
 *
 *   DATABASE_URL=... AUTH_SECRET=... APP_URL=... PORT=3751 npx tsx scripts/bench/floor-server.ts
 */
import { createServer } from "node:http";
import { answerMe, FLOOR_HEADERS, floorFromEnv } from "./floor-work";

const floor = floorFromEnv();

const server = createServer(async (req, res) => {
  if (req.url !== "/api/me") {
    res.writeHead(404, FLOOR_HEADERS);
    res.end('{"success":false}');
    return;
  }
  const { status, body } = await answerMe(floor, req.headers.authorization);
  res.writeHead(status, FLOOR_HEADERS);
  res.end(body);
});

const port = Number(process.env.PORT ?? 3751);
server.listen(port, "127.0.0.1", () => console.log(`floor server on http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void floor.pool.end().then(() => process.exit(0))));
