import "server-only";
import { AppError } from "@/lib/core/errors";
import type { Scope } from "@/lib/core/scopes";
import { reauthWindowMs } from "@/lib/services/auth/recent-auth";

/** 403 insufficient_scope, with the challenge RFC 6750 describes. */
export function insufficientScope(scope: Scope = "account"): AppError {
  return new AppError("INSUFFICIENT_SCOPE", { headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"` } });
}

/** 403 REAUTH_REQUIRED, with RFC 9470's step-up challenge for bearer clients. */
export function reauthRequired(): AppError {
  return new AppError("REAUTH_REQUIRED", {
    headers: { "WWW-Authenticate": `Bearer error="insufficient_user_authentication", max_age=${reauthWindowMs() / 1000}` },
  });
}
