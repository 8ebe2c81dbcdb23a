import { routeHandlers } from "@/lib/api/define-route";
import { deleteAccount004, getMe004, updateMe004 } from "@/lib/contracts/rest-v1/routes/me";

export const { GET, PATCH, DELETE } = routeHandlers(getMe004, updateMe004, deleteAccount004);
