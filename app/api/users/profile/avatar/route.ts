import { routeHandlers } from "@/lib/api/define-route";
import { uploadAvatar000 } from "@/lib/contracts/settings-app/routes/profile";

export const { POST } = routeHandlers(uploadAvatar000);
