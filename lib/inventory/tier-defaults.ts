import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";

export type TierDefault = { tier: number; rtoMinutes: number; rpoMinutes: number; version: number };

export function findTierDefaults(db: Reader): Promise<TierDefault[]> {
  return db.tierDefault.findMany({
    select: { tier: true, rtoMinutes: true, rpoMinutes: true, version: true },
    orderBy: { tier: "asc" },
  });
}

/** RTO/RPO that apply to a service: its own, else its tier's default, else none. */
export function effectiveObjectives(
  service: { tier: number; rtoMinutes: number | null; rpoMinutes: number | null },
  defaults: readonly TierDefault[],
) {
  const fallback = defaults.find((d) => d.tier === service.tier);
  return {
    rtoMinutes: service.rtoMinutes ?? fallback?.rtoMinutes ?? null,
    rpoMinutes: service.rpoMinutes ?? fallback?.rpoMinutes ?? null,
    rtoFromTier: service.rtoMinutes === null && fallback !== undefined,
    rpoFromTier: service.rpoMinutes === null && fallback !== undefined,
  };
}

export async function updateTierDefaults(
  db: Db,
  actor: AuditActor,
  tiers: { tier: number; version: number; rtoMinutes: number | null; rpoMinutes: number | null }[],
) {
  return db.$transaction(async (tx) => {
    for (const input of tiers) {
      if (input.rtoMinutes === null || input.rpoMinutes === null) {
        throw new AppError("VALIDATION", { userMessage: `Tier ${input.tier} needs both an RTO and an RPO.` });
      }
      const current = await tx.tierDefault.findUnique({ where: { tier: input.tier } });
      if (!current) {
        const created = await tx.tierDefault.create({
          data: { tier: input.tier, rtoMinutes: input.rtoMinutes, rpoMinutes: input.rpoMinutes },
        });
        await recordAudit(tx, {
          actor,
          action: "tier_default.create",
          entityType: "TierDefault",
          entityId: String(input.tier),
          after: created,
        });
        continue;
      }
      const before = await assertCurrentVersion(tx, current, {
        entityType: "TierDefault",
        entityId: String(input.tier),
        version: input.version,
        label: `Tier ${input.tier} defaults`,
      });
      if (before.rtoMinutes === input.rtoMinutes && before.rpoMinutes === input.rpoMinutes) continue;
      const { count } = await tx.tierDefault.updateMany({
        where: { tier: input.tier, version: input.version },
        data: { rtoMinutes: input.rtoMinutes, rpoMinutes: input.rpoMinutes, version: { increment: 1 } },
      });
      if (count !== 1)
        throw new AppError("CONFLICT", {
          userMessage: `Someone else saved Tier ${input.tier} at the same moment. Reload and try again.`,
        });
      const after = await tx.tierDefault.findUniqueOrThrow({ where: { tier: input.tier } });
      await recordAudit(tx, {
        actor,
        action: "tier_default.update",
        entityType: "TierDefault",
        entityId: String(input.tier),
        before,
        after,
      });
    }
    return findTierDefaults(tx);
  });
}
