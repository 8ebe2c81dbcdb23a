import { routeHandlers } from "@/lib/api/define-route";
import { signInWithGoogle } from "@/lib/contracts/shared/routes/sign-in";

export const { POST } = routeHandlers(signInWithGoogle);
