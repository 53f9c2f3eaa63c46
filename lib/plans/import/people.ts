// Channels, contacts, escalation levels and notification matrices from a plan.
// - Channels by name; one the plan names but Lifeboat lacks is created disabled and without a URL (URLs are
//   secrets, never in plans): someone sets it in People → Channels.
// - Contacts by email, else phone, else name (a contact without a name is named after its role).
// - A system's escalation levels and matrix rules are replaced as a whole when they differ.
import { contactFieldsSchema, ruleSchema, type ContactFields } from "@/lib/people/schemas";
import type { Plan, PlanContact, PlanEscalationLevel, PlanNotification } from "../format";
import { definedOnly, pick, schemaProblems, writeMatched, type ImportContext } from "./context";
import { importNotifyRules } from "./notify-rules";

type ContactRow = Awaited<ReturnType<ImportContext["tx"]["contact"]["findMany"]>>[number];

/** Contacts and channels of the whole Lifeboat, loaded once per import and kept current as it writes. */
export class PeopleDirectory {
  private constructor(
    private readonly contacts: ContactRow[],
    private readonly channels: Map<string, { id: string; type: string }>,
    private readonly schedules: Map<string, string>,
  ) {}

  static async load(ctx: ImportContext) {
    const [contacts, channels, schedules] = await Promise.all([
      ctx.tx.contact.findMany(),
      ctx.tx.notificationChannel.findMany({ select: { id: true, name: true, type: true } }),
      ctx.tx.onCallSchedule.findMany({ select: { id: true, name: true } }),
    ]);
    return new PeopleDirectory(
      contacts,
      new Map(channels.map((c) => [c.name, c])),
      new Map(schedules.map((s) => [s.name, s.id])),
    );
  }

  /**
   * A contact a schedule names (member, override): by email, else by name — across Lifeboat, the plan's own
   * contacts being in it by now. Two people of one name are not guessed between: the plan names them by email.
   */
  contactNamed(value: string): { id: string } | { problem: string } {
    const lower = value.trim().toLowerCase();
    const byEmail = this.contacts.find((x) => x.email?.toLowerCase() === lower);
    if (byEmail) return { id: byEmail.id };
    const named = this.contacts.filter((x) => x.name.trim().toLowerCase() === lower);
    if (named.length === 1) return { id: named[0]!.id };
    return {
      problem: named.length
        ? `${named.length} contacts are named "${value}": name this one by email`
        : `no contact "${value}" in Lifeboat or in the plan's contacts`,
    };
  }

  schedule(name: string) {
    return this.schedules.get(name);
  }

  rememberSchedule(name: string, id: string) {
    this.schedules.set(name, id);
  }

  /**
   * By email, else phone, else name — but never a same-named person whose stated email or phone differs. Where
   * several people share an email or a phone (a team's on-call handset, a shared mailbox), the one of the same
   * name is theirs: otherwise an export imported back would rename them into each other.
   */
  findContact(c: { email?: string | null; phone?: string | null; name: string }) {
    const lower = (v: string | null | undefined) => v?.trim().toLowerCase();
    const sameName = (x: ContactRow) => lower(x.name) === lower(c.name);
    const compatible = (x: ContactRow) =>
      (!c.email || !x.email || lower(x.email) === lower(c.email)) && (!c.phone || !x.phone || x.phone === c.phone);
    const by = (matches: (x: ContactRow) => boolean) =>
      this.contacts.find((x) => matches(x) && sameName(x)) ?? this.contacts.find(matches);
    return (
      (c.email && by((x) => lower(x.email) === lower(c.email))) ||
      (c.phone && by((x) => x.phone === c.phone)) ||
      this.contacts.find((x) => sameName(x) && compatible(x))
    );
  }

  /**
   * A target string: a contact the plan lists (by its name, role or email), or any contact by email; else an
   * on-call role. Names are not matched across the whole directory: another team's "On-call engineer" is not
   * this plan's.
   */
  target(value: string, listed: PlanContact[]): { contactId: string } | { role: string } {
    const lower = value.trim().toLowerCase();
    const entry = listed.find((c) =>
      [c.name, c.email, c.name ? undefined : c.role].some((v) => v?.trim().toLowerCase() === lower),
    );
    const contact = entry
      ? this.findContact({ name: (entry.name || entry.role)!, email: entry.email, phone: entry.phone })
      : this.contacts.find((x) => x.email?.toLowerCase() === lower);
    return contact ? { contactId: contact.id } : { role: value.trim() };
  }

  channel(name: string) {
    return this.channels.get(name);
  }

  remember(contact: ContactRow) {
    const at = this.contacts.findIndex((x) => x.id === contact.id);
    if (at >= 0) this.contacts[at] = contact;
    else this.contacts.push(contact);
  }

  rememberChannel(name: string, channel: { id: string; type: string }) {
    this.channels.set(name, channel);
  }
}

export async function importChannels(ctx: ImportContext, channels: Plan["channels"], people: PeopleDirectory) {
  for (const [i, channel] of (channels ?? []).entries()) {
    const current = people.channel(channel.name);
    if (current && current.type !== channel.type) {
      ctx.problem(
        `channels[${i}].type`,
        `channel "${channel.name}" is a ${current.type} channel in Lifeboat, not ${channel.type}`,
      );
    } else if (current) {
      ctx.record({ action: "unchanged", entity: "channel", name: channel.name, details: [] });
    } else {
      const created = await ctx.tx.notificationChannel.create({
        data: { name: channel.name, type: channel.type, url: null, enabled: false },
        select: { id: true, name: true, type: true },
      });
      people.rememberChannel(channel.name, created);
      ctx.record(
        {
          action: "create",
          entity: "channel",
          name: channel.name,
          details: [
            `type: ${channel.type}`,
            channel.type === "email"
              ? "disabled until someone enables it"
              : "disabled, without URL: set its URL in People → Channels",
          ],
        },
        { entityType: "NotificationChannel", entityId: created.id, after: created },
      );
    }
  }
}

export async function importContacts(
  ctx: ImportContext,
  contacts: PlanContact[] | undefined,
  path: string,
  people: PeopleDirectory,
) {
  for (const [i, contact] of (contacts ?? []).entries()) {
    const at = `${path}[${i}]`;
    const name = contact.name || contact.role;
    if (!name) {
      ctx.problem(at, "a contact needs a name or a role");
      continue;
    }
    const stated: Partial<ContactFields> = {
      name,
      title: contact.role,
      team: contact.team,
      email: contact.email,
      phone: contact.phone,
      external: contact.external,
      organization: contact.organization,
      notes: contact.notes,
    };
    const definedStated = definedOnly(stated);
    const parsedIdentity = contactFieldsSchema
      .pick({ email: true, phone: true })
      .safeParse({ email: contact.email ?? null, phone: contact.phone ?? null });
    const current = people.findContact({ name, email: parsedIdentity.data?.email, phone: parsedIdentity.data?.phone });
    // On-call roles: as stated; else a new contact fills the role it is listed with (so a level paging that role finds it).
    const roles = contact.roles ?? (!current && contact.role ? [contact.role] : undefined);
    const parsed = contactFieldsSchema.safeParse({ ...(current ?? {}), ...definedStated, ...(roles && { roles }) });
    if (!parsed.success) {
      schemaProblems(ctx, at, parsed.error.issues);
      continue;
    }
    const row = await writeMatched(ctx, {
      entity: "contact",
      name: current?.name ?? name,
      entityType: "Contact",
      entityId: (r) => r.id,
      current,
      stated: pick(parsed.data, { ...definedStated, ...(roles && { roles }) }),
      create: () => ctx.tx.contact.create({ data: parsed.data }),
      update: (changes) =>
        ctx.tx.contact.update({ where: { id: current!.id }, data: { ...changes, version: { increment: 1 } } }),
      notes: (created) =>
        created.email || created.phone
          ? []
          : ["no email or phone: add them in People before anyone pages this contact"],
    });
    people.remember(row);
    await importNotifyRules(ctx, row, contact.notify, `${at}.notify`, people);
  }
}

/** As the escalation editor (lib/people/schemas.ts stringList for roles). */
const MAX_ROLE_LENGTH = 80;

type LevelShape = {
  afterMinutes: number;
  contactIds: string[];
  roleTargets: string[];
  channelIds: string[];
  scheduleIds: string[];
};
const levelKey = (levels: LevelShape[]) =>
  JSON.stringify(
    levels.map((l) => ({
      ...l,
      contactIds: [...l.contactIds].sort(),
      channelIds: [...l.channelIds].sort(),
      scheduleIds: [...l.scheduleIds].sort(),
    })),
  );

export async function importEscalation(
  ctx: ImportContext,
  system: { name: string; id: string; contacts: PlanContact[] },
  levels: PlanEscalationLevel[] | undefined,
  path: string,
  people: PeopleDirectory,
) {
  if (!levels) return;
  const wanted: LevelShape[] = [];
  const seen = new Set<number>();
  for (const [i, level] of [...levels].sort((a, b) => a.level - b.level).entries()) {
    if (seen.has(level.afterMinutes))
      ctx.problem(
        `${path}[${i}].afterMinutes`,
        `two levels fire at ${level.afterMinutes} min: give each level its own time`,
      );
    seen.add(level.afterMinutes);
    const shape: LevelShape = {
      afterMinutes: level.afterMinutes,
      contactIds: [],
      roleTargets: [],
      channelIds: [],
      scheduleIds: [],
    };
    if (level.targets.length === 0 && !level.schedules?.length)
      ctx.problem(
        `${path}[${i}].targets`,
        `level ${level.level} pages no one: name a contact, an on-call role or a schedule`,
      );
    for (const [k, name] of (level.schedules ?? []).entries()) {
      const scheduleId = people.schedule(name);
      if (scheduleId) shape.scheduleIds.push(scheduleId);
      else ctx.problem(`${path}[${i}].schedules[${k}]`, `no schedule "${name}" in Lifeboat or in the plan's schedules`);
    }
    for (const [k, target] of level.targets.entries()) {
      const resolved = people.target(target, system.contacts);
      if ("contactId" in resolved) shape.contactIds.push(resolved.contactId);
      else if (resolved.role.length > MAX_ROLE_LENGTH)
        ctx.problem(
          `${path}[${i}].targets[${k}]`,
          `"${target}" is no contact of this system, and an on-call role is at most ${MAX_ROLE_LENGTH} characters`,
        );
      else shape.roleTargets.push(resolved.role);
    }
    for (const [k, name] of (level.channels ?? []).entries()) {
      const channel = people.channel(name);
      if (channel) shape.channelIds.push(channel.id);
      else ctx.problem(`${path}[${i}].channels[${k}]`, `no channel "${name}" in Lifeboat or in the plan's channels`);
    }
    wanted.push(shape);
  }
  const current = await ctx.tx.escalationPolicy.findUnique({
    where: { systemId: system.id },
    include: {
      levels: { orderBy: { position: "asc" }, include: { contacts: true, channels: true, schedules: true } },
    },
  });
  const stored: LevelShape[] = (current?.levels ?? []).map((l) => ({
    afterMinutes: l.afterMinutes,
    contactIds: l.contacts.map((c) => c.contactId),
    roleTargets: l.roleTargets,
    channelIds: l.channels.map((c) => c.channelId),
    scheduleIds: l.schedules.map((s) => s.scheduleId),
  }));
  const label = `${system.name} escalation`;
  // Say which targets are contacts and which are on-call roles: a misspelt contact silently paging "a role" is a trap.
  const details = levels.map((l) => {
    const targets = [
      ...l.targets.map((t) => ("contactId" in people.target(t, system.contacts) ? t : `role "${t}"`)),
      ...(l.schedules ?? []).map((name) => `on call of "${name}"`),
    ];
    return `level ${l.level} after ${l.afterMinutes} min: ${targets.join(", ") || "—"}${l.channels?.length ? ` via ${l.channels.join(", ")}` : " (no channel yet: nobody is paged until one is added)"}`;
  });
  if (current && levelKey(stored) === levelKey(wanted)) {
    ctx.record({ action: "unchanged", entity: "escalation", name: label, details: [] });
    return;
  }
  let policyId = current?.id;
  if (current) {
    await ctx.tx.escalationLevel.deleteMany({ where: { policyId: current.id } });
    await ctx.tx.escalationPolicy.update({ where: { id: current.id }, data: { version: { increment: 1 } } });
  } else {
    const taken = await ctx.tx.escalationPolicy.count({ where: { name: label } });
    policyId = (
      await ctx.tx.escalationPolicy.create({
        data: { name: taken ? `${label} (${system.id.slice(-6)})` : label, systemId: system.id },
      })
    ).id;
  }
  for (const [position, level] of wanted.entries()) {
    await ctx.tx.escalationLevel.create({
      data: {
        policyId: policyId!,
        position: position + 1,
        afterMinutes: level.afterMinutes,
        roleTargets: level.roleTargets,
        contacts: { create: [...new Set(level.contactIds)].map((contactId) => ({ contactId })) },
        channels: { create: [...new Set(level.channelIds)].map((channelId) => ({ channelId })) },
        schedules: { create: [...new Set(level.scheduleIds)].map((scheduleId) => ({ scheduleId })) },
      },
    });
  }
  ctx.record(
    { action: current ? "update" : "create", entity: "escalation", name: label, details },
    { entityType: "EscalationPolicy", entityId: policyId!, before: current ? stored : undefined, after: wanted },
  );
}

export async function importNotifications(
  ctx: ImportContext,
  label: string,
  systemId: string | null,
  rules: PlanNotification[] | undefined,
  path: string,
  people: PeopleDirectory,
) {
  if (!rules) return;
  const matrixId = systemId ?? "default";
  const wanted = [];
  for (const [i, rule] of rules.entries()) {
    const channel = rule.channel ? people.channel(rule.channel) : undefined;
    if (rule.channel && !channel)
      ctx.problem(`${path}[${i}].channel`, `no channel "${rule.channel}" in Lifeboat or in the plan's channels`);
    const parsed = ruleSchema.safeParse({
      event: rule.event,
      audience: rule.audience,
      channelId: channel?.id ?? null,
      recipients: rule.recipients,
      timing: rule.timing,
      minutes: rule.minutes ?? null,
    });
    if (!parsed.success) schemaProblems(ctx, `${path}[${i}]`, parsed.error.issues);
    else wanted.push(parsed.data);
  }
  const current = await ctx.tx.notificationMatrix.findUnique({
    where: { id: matrixId },
    include: { rules: { orderBy: { position: "asc" } } },
  });
  const stored = (current?.rules ?? []).map((r) => ({
    event: r.event,
    audience: r.audience,
    channelId: r.channelId,
    recipients: r.recipients,
    timing: r.timing,
    minutes: r.minutes,
  }));
  const name = `${label} notification matrix`;
  if (current && JSON.stringify(stored) === JSON.stringify(wanted)) {
    ctx.record({ action: "unchanged", entity: "notifications", name, details: [] });
    return;
  }
  await ctx.tx.notificationMatrix.upsert({
    where: { id: matrixId },
    create: { id: matrixId, systemId, version: 1 },
    update: { version: { increment: 1 } },
  });
  await ctx.tx.notificationRule.deleteMany({ where: { matrixId } });
  await ctx.tx.notificationRule.createMany({
    data: wanted.map((rule, index) => ({ ...rule, matrixId, position: index + 1 })),
  });
  const details = rules.map(
    (r) =>
      `${r.event} → ${r.audience}: ${[r.channel, r.recipients].filter(Boolean).join(" / ")} (${r.timing}${r.minutes ? ` ${r.minutes} min` : ""})`,
  );
  ctx.record(
    { action: current ? "update" : "create", entity: "notifications", name, details },
    { entityType: "NotificationMatrix", entityId: matrixId, before: stored, after: wanted },
  );
}
