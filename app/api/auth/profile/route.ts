import { routeHandlers } from "@/lib/api/define-route";
import { getProfile001, updateProfile001 } from "@/lib/contracts/oauth-profile/routes/profile";

export const { GET, PUT } = routeHandlers(getProfile001, updateProfile001);
