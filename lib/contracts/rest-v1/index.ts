import "server-only";
import { exportAccount } from "@/lib/contracts/rest-v1/routes/export";
import { getLoginHistory004 } from "@/lib/contracts/rest-v1/routes/history";
import { deleteAccount004, getMe004, updateMe004 } from "@/lib/contracts/rest-v1/routes/me";
import { listSessions, revokeOtherSessions, revokeSession } from "@/lib/contracts/rest-v1/routes/sessions";
import { disableTwoFactor004, enableTwoFactor004, regenerateBackupCodes004 } from "@/lib/contracts/rest-v1/routes/two-factor";

/** The REST v1 client's routes (docs/contracts/rest-v1.md). */
export const restV1Routes = [
  getMe004,
  updateMe004,
  deleteAccount004,
  exportAccount,
  getLoginHistory004,
  listSessions,
  revokeSession,
  revokeOtherSessions,
  enableTwoFactor004,
  disableTwoFactor004,
  regenerateBackupCodes004,
];
