import { routeHandlers } from "@/lib/api/define-route";
import { verifyTwoFactorLogin } from "@/lib/contracts/shared/routes/sign-in";

export const { POST } = routeHandlers(verifyTwoFactorLogin);
