// "Who is paged at T+N?" over the current database: resolve the policy for a system, a service or a
// named policy, then run the same schedule the real escalation uses. A schedule target shows who would be on
// call at T+N if the incident opened now (real escalation asks the same question when the page is sent).
import type { Reader } from "@/lib/db/client";
import { onCallAt } from "@/lib/oncall/on-call-now";
import { findPagingData } from "./queries";
import { pagingSchedule, resolvePolicy, whoIsPagedAt } from "./paging";

export type SimulationScope = { policyId?: string; systemId?: string; serviceId?: string };

export async function simulatePaging(db: Reader, scope: SimulationScope, minute: number, now = new Date()) {
  const data = await findPagingData(db);
  let policy = scope.policyId ? (data.policies.find((p) => p.id === scope.policyId) ?? null) : null;
  let because = policy ? "chosen directly" : "";
  if (!policy && scope.serviceId) {
    const service = await db.service.findUnique({
      where: { id: scope.serviceId },
      select: { systemId: true, tier: true },
    });
    if (service) {
      policy = resolvePolicy(data.policies, { systemId: service.systemId, tier: service.tier });
      because = policy?.systemId
        ? "the service's system has its own policy"
        : `the Tier ${service.tier} policy (the service's tier)`;
    }
  } else if (!policy && scope.systemId) {
    const system = data.systems.find((s) => s.id === scope.systemId);
    if (system) {
      policy = resolvePolicy(data.policies, { systemId: system.id, tier: system.topTier });
      because = policy?.systemId
        ? "the system's own policy"
        : `the Tier ${system.topTier} policy (its most critical tier)`;
    }
  }
  if (!policy) return { policy: null, because: "no policy applies", at: null };
  const rotations = new Map(data.schedules.map((s) => [s.id, s]));
  const onCall = (scheduleId: string, at: number) => {
    const rotation = rotations.get(scheduleId);
    if (!rotation) return null;
    return onCallAt(rotation.layers, rotation.overrides, new Date(now.getTime() + at * 60_000))?.contactId ?? null;
  };
  const schedule = pagingSchedule(policy, data.contacts, data.channels, data.readiness, {
    schedules: data.schedules,
    onCall,
  });
  return { policy: { id: policy.id, name: policy.name }, because, at: whoIsPagedAt(schedule, minute) };
}
