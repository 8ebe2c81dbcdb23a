import { deleteAccount004, getMe004, updateMe004 } from "@/lib/contracts/rest-v1/routes/me";

/** The REST v1 client's routes (docs/contracts/rest-v1.md). */
export const restV1Routes = [getMe004, updateMe004, deleteAccount004];
