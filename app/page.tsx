import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/require-user";

/** The settings for a signed-in visitor, the sign-in page for anyone else. */
export default async function Home() {
  redirect((await getOptionalUser()) ? "/settings/profile" : "/login");
}
