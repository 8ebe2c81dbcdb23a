import { routeHandlers } from "@/lib/api/define-route";
import { deleteAccount003, getProfile003, updateProfile003 } from "@/lib/contracts/nutriscan/routes/profile";

export const { GET, PUT, DELETE } = routeHandlers(getProfile003, updateProfile003, deleteAccount003);
