import { answerMe, FLOOR_HEADERS, floorFromEnv, type Floor } from "../../../../floor-work";

/**
 * The Next.js floor of `GET /api/me`: the bare floor's work (floor-work.ts) in one route
 * handler of a minimal app, so what Next.js itself costs per request is measured apart
 * from what the portal adds to it. The pool is made on the first request (the build
 * imports this module without the server's environment). Named `route.floor.ts`: see
 * `pageExtensions` in ../../../next.config.mjs.
 */
let floor: Floor | undefined;

export async function GET(request: Request): Promise<Response> {
  floor ??= floorFromEnv();
  const { status, body } = await answerMe(floor, request.headers.get("authorization"));
  return new Response(body, { status, headers: FLOOR_HEADERS });
}
