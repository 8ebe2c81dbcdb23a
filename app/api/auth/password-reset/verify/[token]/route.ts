import { routeHandlers } from "@/lib/api/define-route";
import { checkPasswordResetToken003 } from "@/lib/contracts/nutriscan/routes/password-reset";

export const { GET } = routeHandlers(checkPasswordResetToken003);
