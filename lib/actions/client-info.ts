import "server-only";
import { headers } from "next/headers";
import { clientInfo, type ClientInfo } from "@/lib/core/client-info";

/** Where a server action's request comes from, read from the same headers the API reads. */
export async function actionClientInfo(): Promise<ClientInfo> {
  return clientInfo(new Request("http://localhost/", { headers: await headers() }));
}
