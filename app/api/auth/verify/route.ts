import { routeHandlers } from "@/lib/api/define-route";
import { verifyEmail } from "@/lib/contracts/shared/routes/verification";

export const { POST } = routeHandlers(verifyEmail);
