import { routeHandlers } from "@/lib/api/define-route";
import { startOAuthSignIn } from "@/lib/contracts/shared/routes/sign-in";

export const { GET } = routeHandlers(startOAuthSignIn);
