// Who did something: a signed-in person (audited by id and email), a machine ("alertmanager"), or a paged
// contact acting from their page (named on the timeline by their name).
import type { AuditActor } from "@/lib/audit/record";

export type Actor = AuditActor;

export function timelineActor(actor: Actor): { id: string | null; name: string } {
  if ("id" in actor) return { id: actor.id, name: actor.email };
  return "contact" in actor ? { id: null, name: actor.contact.name } : { id: null, name: actor.system };
}
