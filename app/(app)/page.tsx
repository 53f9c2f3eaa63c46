import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Home: the people who run incidents land on the command dashboard; managers and admins on the overview.
export default async function HomePage() {
  const { user } = await requirePage("app.read", "/");
  redirect(user.role === "commander" || user.role === "responder" ? "/command" : "/overview");
}
