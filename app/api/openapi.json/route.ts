import { routeHandlers } from "@/lib/api/define-route";
import { getOpenApiDocument } from "@/lib/contracts/shared/routes/health";

export const { GET } = routeHandlers(getOpenApiDocument);
