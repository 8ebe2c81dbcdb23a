import { routeHandlers } from "@/lib/api/define-route";
import { resetPassword } from "@/lib/contracts/shared/routes/password";

export const { POST } = routeHandlers(resetPassword);
