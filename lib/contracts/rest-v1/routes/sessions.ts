import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { SessionListAnswer004 } from "@/lib/contracts/rest-v1/answers";
import { sessionList004 } from "@/lib/contracts/rest-v1/mappers";
import { revokeOtherSessionsSchema } from "@/lib/contracts/rest-v1/requests";
import { messageAnswer } from "@/lib/contracts/shared/mappers";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { listSessions as listLiveSessions } from "@/lib/services/sessions/list-sessions";
import { revokeOtherSessions as revokeOtherLiveSessions } from "@/lib/services/sessions/revoke-other-sessions";
import { revokeSession as revokeLiveSession } from "@/lib/services/sessions/revoke-session";

const TAGS = ["Sessions"];

/** The caller's live sessions, this one marked `isCurrent`. */
export const listSessions = defineRoute({
  method: "get",
  path: "/api/sessions",
  operationId: "listSessions",
  tags: TAGS,
  summary: "List the caller's sessions",
  description: "Seed 004: live sessions (browser or API), the one of this request marked `isCurrent`.",
  policy: POLICY.signedIn,
  responses: [{ status: 200, description: "The sessions.", schema: SessionListAnswer004, examples: { seed004: EXAMPLES.sessions004 } }],
  errors: [],
}, async function listSessions({ caller }) {
  const sessions = await listLiveSessions({ userId: caller.user.id });
  return jsonResponse(sessionList004(sessions, caller.session.id));
});

/** One of the caller's sessions (404 for any other id). */
export const revokeSession = defineRoute({
  method: "delete",
  path: "/api/sessions/{id}",
  operationId: "revokeSession",
  tags: TAGS,
  summary: "Revoke one session",
  description: "Seed 004. Its refresh token and access tokens stop working at once; another user's session id answers 404. Message: « Session révoquée avec succès ».",
  policy: POLICY.signedIn,
  params: { path: z.object({ id: z.string().meta({ description: "A session id from `GET /api/sessions`.", example: "cm3x9f2ka0000l208abcdefgh" }) }) },
  responses: [{ status: 200, description: "Revoked.", schema: MessageAnswer }],
  errors: ["SESSION_NOT_FOUND"],
}, async function revokeSession({ caller, params, client, locale }) {
  await revokeLiveSession({ userId: caller.user.id, sessionId: params.id, client });
  return jsonResponse(messageAnswer(locale, "sessionRevoked"));
});

/** `{currentSessionId?}`: every session but the caller's (and that one, when it is the caller's) ends. */
export const revokeOtherSessions = defineRoute({
  method: "delete",
  path: "/api/sessions/others/revoke",
  operationId: "revokeOtherSessions",
  tags: TAGS,
  summary: "Revoke every other session",
  description:
    "Seed 004: keeps the caller's session (and `currentSessionId` when it is the caller's own) and revokes every other one; a pending email change is cancelled too. Message: « Toutes les autres sessions ont été révoquées ».",
  policy: POLICY.signedIn,
  body: {
    schema: revokeOtherSessionsSchema,
    optional: true,
    examples: { seed004: { summary: "Seed 004", value: { currentSessionId: "cm3x9f2ka0000l208abcdefgh" } } },
  },
  responses: [{ status: 200, description: "Revoked.", schema: MessageAnswer }],
  errors: [],
}, async function revokeOtherSessions({ caller, body, client, locale }) {
  await revokeOtherLiveSessions({
    userId: caller.user.id,
    keepSessionId: caller.session.id,
    currentSessionId: body.currentSessionId === undefined ? undefined : String(body.currentSessionId),
    client,
  });
  return jsonResponse(messageAnswer(locale, "otherSessionsRevoked"));
});
