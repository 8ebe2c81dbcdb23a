import "server-only";
import type { PersonalAccessToken } from "@/lib/generated/prisma/client";

export type PersonalTokenStatus = "active" | "expired" | "revoked";

/** A personal access token as its owner sees it: never its hash. */
export type PersonalTokenView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: PersonalTokenStatus;
};

export function personalTokenStatus(token: Pick<PersonalAccessToken, "revokedAt" | "expiresAt">, at: Date): PersonalTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= at.getTime()) return "expired";
  return "active";
}

export function toPersonalTokenView(token: PersonalAccessToken, at: Date): PersonalTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
    status: personalTokenStatus(token, at),
  };
}
