import { routeHandlers } from "@/lib/api/define-route";
import { forgotPassword } from "@/lib/contracts/shared/routes/password";

export const { POST } = routeHandlers(forgotPassword);
