import { routeHandlers } from "@/lib/api/define-route";
import { register } from "@/lib/contracts/shared/routes/sign-in";

export const { POST } = routeHandlers(register);
