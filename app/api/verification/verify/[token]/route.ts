import { routeHandlers } from "@/lib/api/define-route";
import { verifyEmail003 } from "@/lib/contracts/nutriscan/routes/verification";

export const { GET } = routeHandlers(verifyEmail003);
