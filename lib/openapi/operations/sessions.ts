import { z } from "zod";
import { EXAMPLES } from "@/lib/openapi/examples";
import type { ApiOperation } from "@/lib/openapi/operation";
import { MessageAnswer } from "@/lib/openapi/schemas/auth";
import { LoginHistoryAnswer004, SessionListAnswer004 } from "@/lib/openapi/schemas/sessions";
import { historyQuerySchema, revokeOtherSessionsSchema } from "@/lib/validation/auth";

const TAGS = ["Sessions"];

export const sessionOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/sessions",
    operationId: "listSessions",
    tags: TAGS,
    summary: "List the caller's sessions",
    description: "Seed 004: live sessions (browser or API), the one of this request marked `isCurrent`.",
    auth: "user",
    responses: [{ status: 200, description: "The sessions.", schema: SessionListAnswer004, examples: { seed004: EXAMPLES.sessions004 } }],
    errors: [],
  },
  {
    method: "delete",
    path: "/api/sessions/{id}",
    operationId: "revokeSession",
    tags: TAGS,
    summary: "Revoke one session",
    description: "Seed 004. Its refresh token and access tokens stop working at once; another user's session id answers 404. Message: « Session révoquée avec succès ».",
    auth: "user",
    params: { path: z.object({ id: z.string().meta({ description: "A session id from `GET /api/sessions`.", example: "cm3x9f2ka0000l208abcdefgh" }) }) },
    responses: [{ status: 200, description: "Revoked.", schema: MessageAnswer }],
    errors: ["SESSION_NOT_FOUND"],
  },
  {
    method: "delete",
    path: "/api/sessions/others/revoke",
    operationId: "revokeOtherSessions",
    tags: TAGS,
    summary: "Revoke every other session",
    description:
      "Seed 004: keeps the caller's session (and `currentSessionId` when it is the caller's own) and revokes every other one; a pending email change is cancelled too. Message: « Toutes les autres sessions ont été révoquées ».",
    auth: "user",
    body: {
      schema: revokeOtherSessionsSchema,
      optional: true,
      examples: { seed004: { summary: "Seed 004", value: { currentSessionId: "cm3x9f2ka0000l208abcdefgh" } } },
    },
    responses: [{ status: 200, description: "Revoked.", schema: MessageAnswer }],
    errors: [],
  },
  {
    method: "get",
    path: "/api/me/history",
    operationId: "getLoginHistory004",
    tags: ["Account (004)"],
    summary: "Login history",
    description: "Seed 004: sign-in attempts, successful or not, newest first.",
    auth: "user",
    params: { query: historyQuerySchema },
    responses: [{ status: 200, description: "A page of the history.", schema: LoginHistoryAnswer004, examples: { seed004: EXAMPLES.history004 } }],
    errors: [],
  },
];
