// Loads the demo users, tier defaults and the systems of shared/seeds into an empty database,
// in one transaction with audit events. Refuses to touch a database that already has users.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { seedBackups } from "./seed-backups";
import { seedIncidents } from "./seed-incidents";
import { seedOnCall } from "./seed-oncall";
import { seedRecovery } from "./seed-recovery";
import {
  DEMO_CHANNELS,
  DEMO_CONTACTS,
  DEMO_MATRIX,
  DEMO_PASSWORD,
  DEMO_SYSTEMS,
  DEMO_TIER1_POLICY,
  DEMO_TIER_DEFAULTS,
  DEMO_USERS,
} from "./demo-plans";

const SEED_ACTOR = { system: "demo-seed" };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [users, systems] = await Promise.all([db.user.count(), db.system.count()]);
  return users === 0 && systems === 0;
}

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      // Serialise concurrent seeders (two processes starting at once) on one advisory lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
      if ((await tx.user.count()) > 0 || (await tx.system.count()) > 0) return { seeded: false };

      const userIds = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const created = await tx.user.create({ data: { ...user, passwordHash } });
        userIds.set(user.role, created.id);
        await recordAudit(tx, {
          actor: SEED_ACTOR,
          action: "user.create",
          entityType: "User",
          entityId: created.id,
          after: created,
        });
      }
      await tx.tierDefault.createMany({ data: DEMO_TIER_DEFAULTS });

      const serviceIds = new Map<string, string>();
      for (const { services, ...system } of DEMO_SYSTEMS) {
        const createdSystem = await tx.system.create({ data: system });
        await recordAudit(tx, {
          actor: SEED_ACTOR,
          action: "system.create",
          entityType: "System",
          entityId: createdSystem.id,
          after: createdSystem,
        });
        const ids = serviceIds;
        for (const service of services) {
          const created = await tx.service.create({
            data: {
              name: service.name,
              kind: service.kind,
              tier: service.tier,
              rtoMinutes: service.rtoMinutes,
              rpoMinutes: service.rpoMinutes,
              notes: service.notes ?? "",
              systemId: createdSystem.id,
            },
          });
          ids.set(service.name, created.id);
          await recordAudit(tx, {
            actor: SEED_ACTOR,
            action: "service.create",
            entityType: "Service",
            entityId: created.id,
            after: created,
          });
        }
        const edges = services.flatMap((service) =>
          (service.dependsOn ?? []).map((dependency) => ({
            serviceId: ids.get(service.name)!,
            dependsOnId: ids.get(dependency)!,
          })),
        );
        await tx.serviceDependency.createMany({ data: edges });
      }
      await seedOnCall(tx, await seedPeople(tx));
      await seedBackups(tx, serviceIds);
      await seedIncidents(tx, serviceIds, userIds.get("commander")!);
      await seedRecovery(tx);
      return { seeded: true };
    },
    { timeout: 60_000 },
  );
}

async function seedPeople(tx: Tx) {
  const contactIds = new Map<string, string>();
  for (const { key, preferredChannels, ...contact } of DEMO_CONTACTS) {
    const created = await tx.contact.create({
      data: { ...contact, preferredChannels: [...preferredChannels], confirmedAt: new Date() },
    });
    contactIds.set(key, created.id);
    await recordAudit(tx, {
      actor: SEED_ACTOR,
      action: "contact.create",
      entityType: "Contact",
      entityId: created.id,
      after: created,
    });
  }
  const channelIds = new Map<string, string>();
  for (const { key, ...channel } of DEMO_CHANNELS) {
    const created = await tx.notificationChannel.create({ data: channel });
    channelIds.set(key, created.id);
    await recordAudit(tx, {
      actor: SEED_ACTOR,
      action: "channel.create",
      entityType: "NotificationChannel",
      entityId: created.id,
      after: { ...created, url: undefined },
    });
  }
  const { levels, ...policy } = DEMO_TIER1_POLICY;
  const created = await tx.escalationPolicy.create({
    data: {
      ...policy,
      levels: {
        create: levels.map((level, index) => ({
          position: index + 1,
          afterMinutes: level.afterMinutes,
          roleTargets: level.roles,
          contacts: { create: level.contacts.map((key) => ({ contactId: contactIds.get(key)! })) },
          channels: { create: level.channels.map((key) => ({ channelId: channelIds.get(key)! })) },
        })),
      },
    },
  });
  await recordAudit(tx, {
    actor: SEED_ACTOR,
    action: "policy.create",
    entityType: "EscalationPolicy",
    entityId: created.id,
    after: DEMO_TIER1_POLICY,
  });
  await tx.notificationMatrix.create({
    data: {
      id: "default",
      version: 1,
      rules: {
        create: DEMO_MATRIX.map((rule, index) => ({
          position: index + 1,
          event: rule.event,
          audience: rule.audience,
          channelId: rule.channel ? channelIds.get(rule.channel)! : null,
          recipients: rule.recipients,
          timing: rule.timing,
          minutes: rule.minutes,
        })),
      },
    },
  });
  await recordAudit(tx, {
    actor: SEED_ACTOR,
    action: "matrix.update",
    entityType: "NotificationMatrix",
    entityId: "default",
    after: { rules: DEMO_MATRIX.length, version: 1 },
  });
  return contactIds;
}
