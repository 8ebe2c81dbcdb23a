import { AppError } from "@/lib/core/errors";
import { apiRoute } from "@/lib/api/handler";
import { authOps } from "@/lib/openapi/operations/auth";
import { jsonResponse } from "@/lib/api/response";
import { isActive003 } from "@/lib/contracts/shared/mappers";

/**
 * 003: the status of the caller's own account. Any other address is 403, whether or not
 * it has an account (docs/contracts/README.md, "Who is calling"): this route never tells about someone else.
 */
export const GET = apiRoute(authOps.getUserStatus003, async ({ caller, params }) => {
  if (params.email.trim().toLowerCase() !== caller.user.email) throw new AppError("FORBIDDEN");
  const { user } = caller;
  return jsonResponse({
    success: true,
    user: {
      email: user.email,
      is_active: isActive003(user),
      email_verified: user.emailVerified !== null,
      last_login: user.lastLoginAt?.toISOString() ?? null,
    },
  });
});
