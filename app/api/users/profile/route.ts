import { routeHandlers } from "@/lib/api/define-route";
import { getProfile000, updateProfile000 } from "@/lib/contracts/settings-app/routes/profile";

export const { GET, PUT } = routeHandlers(getProfile000, updateProfile000);
