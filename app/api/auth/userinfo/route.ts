import { routeHandlers } from "@/lib/api/define-route";
import { getUserinfo001 } from "@/lib/contracts/oauth-profile/routes/profile";

export const { GET } = routeHandlers(getUserinfo001);
