// The people parts of the pack: who is paged when (the same schedule real escalation runs), who is told
// what (the notification matrix), and the contacts directory — whose phone numbers are the point of it all.
import { formatMinutes } from "@/lib/inventory/tiers";
import { channelReadiness, isStale } from "@/lib/people/model";
import { firingOrder, pagingSchedule, resolvePolicy, type Page } from "@/lib/people/paging";
import { EVENT_LABELS } from "@/lib/people/schemas";
import { html, type Html } from "./html";
import type { BreakglassSource, SourceMatrixRule, SourceSystem } from "./source";

const day = (date: Date) => date.toISOString().slice(0, 10);

function pageLine(page: Page): Html {
  const who = page.contact?.name ?? "the channel's room";
  if (!page.channel)
    return html`<li>whoever is on call for ${page.schedule?.name ?? "a schedule"} — on their own channels</li>`;
  const where = html`${page.channel.name} <span class="muted">(${page.channel.type})</span>`;
  if (!page.reachable)
    return html`<li>${who} — ${where}: <span class="warning">✖ ${page.problem ?? "unreachable"}</span>${page.address && html` <span class="phone">${page.address}</span>`}</li>`;
  return html`<li>${who} — ${where}: <span class="${page.channel.type === "webhook" ? "" : "phone"}">${page.address}</span></li>`;
}

export function renderEscalation(system: SourceSystem, source: BreakglassSource): Html {
  const policy = resolvePolicy(source.policies, { systemId: system.id, tier: system.topTier });
  if (!policy)
    return html`<p class="warning">No escalation policy applies to this system: call the people in the contacts directory.</p>`;
  const because = policy.systemId
    ? "this system's own policy"
    : `the Tier ${policy.tier} policy (the system's most critical tier)`;
  // Only the first pass: repeats page the same people again, said once below.
  const pages = pagingSchedule(
    policy,
    source.contacts,
    source.channels,
    channelReadiness(source.smtpConfigured),
  ).filter((p) => p.cycle === 0);
  const names = new Map(source.contacts.map((c) => [c.id, c.name]));
  const rows = firingOrder(policy.levels).map((level) => {
    const targets = [
      ...level.roleTargets.map((r) => `role “${r}”`),
      ...level.contactIds.map((id) => names.get(id) ?? "(removed contact)"),
    ];
    const paged = pages.filter((p) => p.level === level.position);
    return html`<tr><td>T+${formatMinutes(level.afterMinutes)}</td><td>${level.position}</td><td>${targets.join(", ") || "—"}</td><td>${paged.length ? html`<ul>${paged.map(pageLine)}</ul>` : html`<span class="warning">Nobody is paged at this level.</span>`}</td></tr>`;
  });
  return html`<p><strong>${policy.name}</strong> <span class="muted">— ${because}</span></p>
<table>
<thead><tr><th>When</th><th>Level</th><th>Targets</th><th>Who is paged, where</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="muted">Minutes from the incident opening, until someone acknowledges.${policy.repeatTimes > 0 && ` Then the levels repeat ${policy.repeatTimes} more time${policy.repeatTimes === 1 ? "" : "s"}, ${formatMinutes(policy.repeatAfterMinutes)} after the last level.`}</p>`;
}

function when(rule: SourceMatrixRule): string {
  switch (rule.timing) {
    case "immediate":
      return "immediately";
    case "within":
      return `within ${formatMinutes(rule.minutes)}`;
    case "every":
      return `every ${formatMinutes(rule.minutes)}`;
    case "on_completion":
      return "on completion";
  }
}

export function renderMatrix(system: SourceSystem): Html {
  const whose = system.ownMatrix
    ? "This system's own matrix."
    : "The fleet-wide matrix (this system has none of its own).";
  if (system.matrix.length === 0) return html`<p class="muted">${whose} No rules.</p>`;
  return html`<p class="muted">${whose}</p>
<table>
<thead><tr><th>Event</th><th>Audience</th><th>Channel</th><th>Recipients</th><th>When</th></tr></thead>
<tbody>${system.matrix.map((r) => html`<tr><td>${EVENT_LABELS[r.event]}</td><td>${r.audience}</td><td>${r.channel?.name ?? "—"}</td><td>${r.recipients || "—"}</td><td>${when(r)}</td></tr>`)}</tbody>
</table>`;
}

export function renderContacts(source: BreakglassSource): Html {
  const contacts = [...source.contacts].sort(
    (a, b) => Number(a.external) - Number(b.external) || a.name.localeCompare(b.name),
  );
  return html`<section id="contacts">
<h2>Contacts directory</h2>
${contacts.length === 0 && html`<p class="warning">No contacts recorded.</p>`}
<table>
<thead><tr><th>Name</th><th>Phone</th><th>Email</th><th>Roles</th><th>Team</th><th>Prefers</th><th>Confirmed</th></tr></thead>
<tbody>${contacts.map(
    (
      c,
    ) => html`<tr><td><strong>${c.name}</strong>${c.title && html`<br><span class="muted">${c.title}</span>`}${c.external && html`<br><span class="muted">external${c.organization && ` · ${c.organization}`}</span>`}</td>
<td>${c.phone ? html`<a class="phone" href="tel:${c.phone}">${c.phone}</a>` : "—"}</td>
<td>${c.email ? html`<a href="mailto:${c.email}">${c.email}</a>` : "—"}</td>
<td>${c.roles.join(", ") || "—"}</td><td>${c.team || "—"}</td><td>${c.preferredChannels.join(", ") || "—"}</td>
<td>${c.confirmedAt ? day(c.confirmedAt) : "never"}${isStale(c.confirmedAt, source.generatedAt) && html` <span class="warning">stale</span>`}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}
