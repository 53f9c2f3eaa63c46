// Who did something: a signed-in person (audited by id and email) or a machine ("alertmanager").
import type { AuditActor } from "@/lib/audit/record";

export type Actor = AuditActor;

export function timelineActor(actor: Actor): { id: string | null; name: string } {
  return "id" in actor ? { id: actor.id, name: actor.email } : { id: null, name: actor.system };
}
