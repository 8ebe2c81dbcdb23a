import { routeHandlers } from "@/lib/api/define-route";
import { getHealth } from "@/lib/contracts/shared/routes/health";

// Never prerendered at build time: it reports the database as it is now.
export const dynamic = "force-dynamic";

export const { GET } = routeHandlers(getHealth);
