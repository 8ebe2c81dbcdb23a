import { routeHandlers } from "@/lib/api/define-route";
import { sendVerificationEmail } from "@/lib/contracts/shared/routes/verification";

export const { POST } = routeHandlers(sendVerificationEmail);
