import { routeHandlers } from "@/lib/api/define-route";
import { deletePhoto001, uploadPhoto001 } from "@/lib/contracts/oauth-profile/routes/profile";

export const { POST, DELETE } = routeHandlers(uploadPhoto001, deletePhoto001);
