import { z } from "zod";
import { EXAMPLES } from "@/lib/openapi/examples";
import { POLICY } from "@/lib/auth/policy";
import { defineOperations, operationList, type ApiOperation } from "@/lib/openapi/operation";
import { MessageAnswer } from "@/lib/contracts/shared/answers";
import { LoginHistoryAnswer004, SessionListAnswer004 } from "@/lib/openapi/schemas/sessions";
import { historyQuerySchema, revokeOtherSessionsSchema } from "@/lib/validation/auth";

const TAGS = ["Sessions"];

export const sessionOps = defineOperations({
  listSessions: {
    method: "get",
    path: "/api/sessions",
    operationId: "listSessions",
    tags: TAGS,
    summary: "List the caller's sessions",
    description: "Seed 004: live sessions (browser or API), the one of this request marked `isCurrent`.",
    policy: POLICY.signedIn,
    responses: [{ status: 200, description: "The sessions.", schema: SessionListAnswer004, examples: { seed004: EXAMPLES.sessions004 } }],
    errors: [],
  },
  revokeSession: {
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
  },
  revokeOtherSessions: {
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
  },
  getLoginHistory004: {
    method: "get",
    path: "/api/me/history",
    operationId: "getLoginHistory004",
    tags: ["Account (004)"],
    summary: "Login history",
    description: "Seed 004: sign-in attempts, successful or not, newest first.",
    policy: POLICY.signedIn,
    params: { query: historyQuerySchema },
    responses: [{ status: 200, description: "A page of the history.", schema: LoginHistoryAnswer004, examples: { seed004: EXAMPLES.history004 } }],
    errors: [],
  },
});

export const sessionOperations: ApiOperation[] = operationList(sessionOps);
