import { routeHandlers } from "@/lib/api/define-route";
import { regenerateBackupCodes000 } from "@/lib/contracts/settings-app/routes/two-factor";

export const { POST } = routeHandlers(regenerateBackupCodes000);
