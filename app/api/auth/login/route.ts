import { routeHandlers } from "@/lib/api/define-route";
import { login } from "@/lib/contracts/shared/routes/sign-in";

export const { POST } = routeHandlers(login);
