import { routeHandlers } from "@/lib/api/define-route";
import { getOpenApiDocument } from "@/lib/openapi/route";

export const { GET } = routeHandlers(getOpenApiDocument);
