import { routeHandlers } from "@/lib/api/define-route";
import { registerUser003 } from "@/lib/contracts/nutriscan/routes/register";

export const { POST } = routeHandlers(registerUser003);
