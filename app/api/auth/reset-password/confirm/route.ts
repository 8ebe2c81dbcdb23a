import { routeHandlers } from "@/lib/api/define-route";
import { confirmPasswordReset } from "@/lib/contracts/shared/routes/password";

export const { POST } = routeHandlers(confirmPasswordReset);
