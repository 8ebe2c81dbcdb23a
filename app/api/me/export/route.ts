import { routeHandlers } from "@/lib/api/define-route";
import { exportAccount } from "@/lib/contracts/rest-v1/routes/export";

export const { GET } = routeHandlers(exportAccount);
