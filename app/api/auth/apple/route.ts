import { routeHandlers } from "@/lib/api/define-route";
import { signInWithApple } from "@/lib/contracts/shared/routes/sign-in";

export const { POST } = routeHandlers(signInWithApple);
