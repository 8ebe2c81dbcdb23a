import { routeHandlers } from "@/lib/api/define-route";
import { completeOAuthSignIn } from "@/lib/contracts/shared/routes/sign-in";

export const { GET } = routeHandlers(completeOAuthSignIn);
