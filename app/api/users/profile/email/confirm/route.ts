import { routeHandlers } from "@/lib/api/define-route";
import { confirmEmailChange, showEmailChangeConfirmation } from "@/lib/contracts/settings-app/routes/profile";

export const { GET, POST } = routeHandlers(showEmailChangeConfirmation, confirmEmailChange);
