// Absolute links for messages that leave the app (pages, webhooks). NEXTAUTH_URL is the public address.
import { env } from "@/lib/env";

export function incidentLink(incidentId: string): string {
  const base = env().NEXTAUTH_URL?.replace(/\/$/, "") ?? "";
  return `${base}/incidents/${incidentId}`;
}
