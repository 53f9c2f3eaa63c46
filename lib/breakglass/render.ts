// The break-glass pack: one self-contained HTML file with every system's services, recovery order,
// runbooks, escalation and notification matrix, and the contacts directory, for the day Lifeboat itself is
// down. Pure: plain data in, one string out. No scripts, no external assets (a CSP meta tag forbids both,
// so the file stays inert wherever it is opened), and it prints one system per page.
import { buildSystemGraph } from "@/lib/inventory/system-order";
import { effectiveObjectives } from "@/lib/inventory/tier-defaults";
import { formatMinutes, tierLabel } from "@/lib/inventory/tiers";
import { formatDuration } from "@/lib/recovery/format";
import { STEP_KIND_LABELS } from "@/lib/recovery/steps";
import { Html, html } from "./html";
import { BREAKGLASS_CSS } from "./style";
import { renderContacts, renderEscalation, renderMatrix } from "./render-people";
import type { BreakglassSource, SourceRunbook, SourceStep, SourceSystem } from "./source";
import { describeStep, redactUrl, type StepDetail } from "./step-detail";

/** "2025-03-01 14:05 UTC": the same in every time zone and locale. */
const formatUtc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

const systemAnchor = (index: number) => `system-${index + 1}`;

function renderServices(system: SourceSystem, source: BreakglassSource): Html {
  if (system.services.length === 0) return html`<p class="muted">No services recorded.</p>`;
  const services = [...system.services].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  const objective = (minutes: number | null, fromTier: boolean) =>
    html`${formatMinutes(minutes)}${fromTier && html` <span class="muted">(tier default)</span>`}`;
  return html`<table>
<thead><tr><th>Service</th><th>Tier</th><th>RTO</th><th>RPO</th><th>Owner</th><th>Health check</th></tr></thead>
<tbody>${services.map((service) => {
    const o = effectiveObjectives(service, source.tierDefaults);
    return html`<tr><td><strong>${service.name}</strong> <span class="muted">${service.kind}</span></td><td>${tierLabel(service.tier)}</td><td>${objective(o.rtoMinutes, o.rtoFromTier)}</td><td>${objective(o.rpoMinutes, o.rpoFromTier)}</td><td>${service.owner || "—"}</td><td><code>${service.healthCheckUrl ? redactUrl(service.healthCheckUrl) : "—"}</code></td></tr>`;
  })}</tbody>
</table>`;
}

function renderRecoveryOrder(system: SourceSystem): Html {
  const graph = buildSystemGraph(system.id, system.services, system.dependencies);
  if (graph.cycle)
    return html`<p class="warning">The dependencies form a loop (${graph.cycle.join(" → ")}): there is no safe order; recover by judgement.</p>`;
  if (graph.waves.length === 0) return html`<p class="muted">No services to recover.</p>`;
  const names = new Map(system.services.map((s) => [s.id, s.name]));
  return html`<ol class="waves">${graph.waves.map(
    (wave) =>
      html`<li><strong>Wave ${wave.wave}</strong>${wave.services.length > 1 && " (in parallel)"}: ${wave.services.map((s, i) => html`${i > 0 && ", "}${s.name} <span class="muted">T${s.tier}</span>`)}</li>`,
  )}</ol>
${graph.external.length > 0 && html`<p>Needs first, from other systems:</p><ul>${graph.external.map((e) => html`<li>${e.dependsOnName} (${e.dependsOnSystem}), for ${names.get(e.serviceId) ?? "?"}</li>`)}</ul>`}`;
}

function renderStepDetail(detail: StepDetail): Html {
  switch (detail.kind) {
    case "instructions":
      return detail.text ? html`<p class="text">${detail.text}</p>` : html``;
    case "http":
      return html`<pre>${detail.method} ${detail.url}${detail.headers.map((h) => `\n${h.name}: ${h.value}`)}${detail.body && `\n\n${detail.body}`}</pre><p class="muted">Expect ${detail.expect}.${detail.url.startsWith("/") && " The path is on Lifeboat itself."}</p>`;
    case "healthcheck":
      return html`<pre>GET ${detail.url}</pre><p class="muted">Healthy when it answers ${detail.expect} (checked every ${detail.everySeconds} s).</p>`;
    case "wait":
      return html`<p>Wait ${formatDuration(detail.seconds)}.</p>`;
    case "command":
      return html`<pre class="command">${detail.command}</pre>${detail.cwd && html`<p class="muted">In folder <code>${detail.cwd}</code>.</p>`}`;
    case "invalid":
      return html`<p class="warning">This step's settings are invalid (${detail.problem}); check the runbook.</p>`;
  }
}

function renderStep(step: SourceStep): Html {
  const facts = [
    step.group !== null && `parallel group ${step.group}`,
    `timeout ${formatDuration(step.timeoutSeconds)}`,
    step.retries > 0 && `${step.retries} ${step.retries === 1 ? "retry" : "retries"}`,
  ].filter(Boolean);
  return html`<li class="step"><p><span class="kind">${STEP_KIND_LABELS[step.kind]}</span> <strong>${step.title}</strong> <span class="muted">· ${facts.join(" · ")}</span></p>${renderStepDetail(describeStep(step.kind, step.config))}</li>`;
}

function renderRunbook(runbook: SourceRunbook): Html {
  const fields: [string, string][] = [
    ["Scenario", runbook.scenario],
    ["Symptoms", runbook.symptoms],
    ["Detection", runbook.detection],
    ["Estimated time", runbook.estimatedMinutes ? formatMinutes(runbook.estimatedMinutes) : ""],
  ];
  return html`<article class="runbook"><h4>${runbook.name}</h4>
<dl>${fields.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd class="text">${v}</dd>`)}</dl>
<ol class="steps">${runbook.steps.map(renderStep)}</ol></article>`;
}

function renderSystem(system: SourceSystem, index: number, source: BreakglassSource): Html {
  const facts: [string, string][] = [
    ["DR strategy", system.drStrategy],
    ["Primary", system.primaryRegion],
    ["DR site", system.drRegion],
  ];
  return html`<section class="system" id="${systemAnchor(index)}">
<h2>${system.name}</h2>
${system.description && html`<p>${system.description}</p>`}
<dl>${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<h3>Services</h3>
${renderServices(system, source)}
<h3>Recovery order</h3>
${renderRecoveryOrder(system)}
<h3>Runbooks</h3>
${system.runbooks.length ? system.runbooks.map(renderRunbook) : html`<p class="muted">No runbooks for this system.</p>`}
<h3>Escalation</h3>
${renderEscalation(system, source)}
<h3>Notification matrix</h3>
${renderMatrix(system)}
</section>`;
}

export function renderBreakglass(source: BreakglassSource): string {
  const generated = formatUtc(source.generatedAt);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lifeboat break-glass pack · ${generated}</title>
<style>${BREAKGLASS_CSS}</style>
</head>
<body>
<header>
<h1>Lifeboat break-glass pack</h1>
<p class="stale"><strong>Generated ${generated}. This copy may be stale:</strong> it is what Lifeboat knew at that moment. If Lifeboat is up, use it instead; otherwise check the newest copy you have.</p>
<nav><h2>Contents</h2><ol>${source.systems.map((s, i) => html`<li><a href="#${systemAnchor(i)}">${s.name}</a></li>`)}<li><a href="#contacts">Contacts directory</a></li></ol></nav>
</header>
<main>
${source.systems.length ? source.systems.map((s, i) => renderSystem(s, i, source)) : html`<p class="warning">No systems recorded.</p>`}
${renderContacts(source)}
</main>
<footer><p class="muted">Webhook and gateway URLs are shown as scheme and host only; header values, secret-looking parameters and tokens are left out on purpose.</p></footer>
</body>
</html>
`;
  return page.value;
}
