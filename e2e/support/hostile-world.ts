// A "hostile world" for the escaping spec (the fuzz specs' value generators are ./hostile.ts): every user-controlled text field holds a label (so a test can find it
// on the page) followed by an HTML/script payload that would set window.__xss if it were ever rendered as markup.
// Machine-facing fields go through their real routes (Alertmanager intake, backup-run reports); the rest is
// written straight into the e2e database, because the point here is how stored text is rendered, not how it
// is validated (an editor's validation may change; what is already stored must still print safely).
import type { APIRequestContext } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { createTestToken, db } from "./db";

export const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `"><svg onload=window.__xss=1>`,
  `'><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
] as const;
export const JS_URL = "javascript:window.__xss=1";

type Hostile = ReturnType<typeof hostileValues>;

/** The values, one per field: `xss-<field>-<run> <payload>`; the run id keeps reruns on one database apart. */
function hostileValues(run: string) {
  let i = 0;
  const v = (field: string) => `xss-${field}-${run} ${PAYLOADS[i++ % PAYLOADS.length]}`;
  return {
    systemName: v("system"),
    systemDescription: v("system-description"),
    drStrategy: v("dr-strategy"),
    primaryRegion: v("primary-region"),
    drRegion: v("dr-region"),
    // Fields whose own rules leave no room for markup (a kind is letters, digits, spaces and dashes; a URL, an
    // email, an E.164 phone) hold valid values: this data shares the database with the other specs, and must
    // be what Lifeboat itself could store (plans.spec exports the whole database and imports it back unchanged).
    serviceName: v("service"),
    serviceKind: `xss-kind-${run}`,
    owner: v("owner"),
    serviceNotes: v("service-notes"),
    healthUrl: `https://health.example.test/xss-health-url-${run}`,
    jsServiceName: v("js-service"),
    contactName: v("contact"),
    contactTitle: v("contact-title"),
    contactTeam: v("team"),
    contactOrg: v("org"),
    contactNotes: v("contact-notes"),
    contactRole: v("role"),
    contactEmail: `xss-${run}@example.test`,
    contactPhone: "+14155550199",
    channelName: v("channel"),
    policyName: v("policy"),
    policyDescription: v("policy-description"),
    levelRole: v("lrole") /* a role is at most 80 characters */,
    ruleRecipients: v("matrix-recipients"),
    incidentTitle: v("incident"),
    alertSummary: v("alert-summary"),
    alertLabel: v("alert-label"),
    postmortem: v("postmortem"),
    publicNote: v("public-note"),
    internalNote: v("internal-note"),
    runbookName: v("runbook"),
    scenario: v("scenario"),
    symptoms: v("symptoms"),
    detection: v("detection"),
    stepTitle: v("step"),
    instructions: v("instructions"),
    command: `echo ${v("command")}`,
    stepOutput: v("step-output"),
    stepError: v("step-error"),
    skipReason: v("skip-reason"),
    actedBy: v("acted-by"),
    policyNameBackup: v("backup-policy"),
    backupMethod: v("backup-method"),
    backupLocation: v("backup-location"),
    backupMessage: v("backup-message"),
    userName: v("user"),
    tokenName: v("token"),
    auditAction: v("audit"),
  };
}

export type HostileWorld = {
  values: Hostile;
  ids: {
    systemId: string;
    serviceId: string;
    jsServiceId: string;
    contactId: string;
    policyId: string;
    incidentId: string;
    incidentNumber: number;
    runbookId: string;
    runId: string;
  };
};

const id = () => randomUUID();

/** Seeds the world; returns its values and the ids of the entity pages to visit. */
export async function seedHostileWorld(request: APIRequestContext): Promise<HostileWorld> {
  const run = randomBytes(3).toString("hex");
  const h = hostileValues(run);
  const q = (sql: string, params: unknown[]) => db().query(sql, params);
  const ids = {
    systemId: id(),
    serviceId: id(),
    jsServiceId: id(),
    contactId: id(),
    policyId: id(),
    runbookId: id(),
    runId: id(),
  };
  const [channelId, levelId, backupPolicyId, stepId, userId] = [id(), id(), id(), id(), id()];

  await q(
    `INSERT INTO "System" (id, name, description, "drStrategy", "primaryRegion", "drRegion", "updatedAt") VALUES ($1,$2,$3,$4,$5,$6,now())`,
    [ids.systemId, h.systemName, h.systemDescription, h.drStrategy, h.primaryRegion, h.drRegion],
  );
  await q(
    `INSERT INTO "Service" (id, "systemId", name, kind, tier, "rtoMinutes", "rpoMinutes", owner, "healthCheckUrl", notes, "updatedAt") VALUES ($1,$2,$3,$4,1,30,15,$5,$6,$7,now())`,
    [ids.serviceId, ids.systemId, h.serviceName, h.serviceKind, h.owner, h.healthUrl, h.serviceNotes],
  );
  // A URL field holding a javascript: URL: wherever it is shown it must stay text, never become a link.
  await q(
    `INSERT INTO "Service" (id, "systemId", name, tier, "healthCheckUrl", "updatedAt") VALUES ($1,$2,$3,2,$4,now())`,
    [ids.jsServiceId, ids.systemId, h.jsServiceName, JS_URL],
  );
  await q(`INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId") VALUES ($1,$2)`, [
    ids.serviceId,
    ids.jsServiceId,
  ]);

  await q(
    `INSERT INTO "Contact" (id, name, title, team, email, phone, roles, organization, notes, "preferredChannels", "updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'{webhook}',now())`,
    [
      ids.contactId,
      h.contactName,
      h.contactTitle,
      h.contactTeam,
      h.contactEmail,
      h.contactPhone,
      [h.contactRole],
      h.contactOrg,
      h.contactNotes,
    ],
  );
  await q(
    `INSERT INTO "NotificationChannel" (id, name, type, url, enabled, "updatedAt") VALUES ($1,$2,'webhook',$3,false,now())`,
    [channelId, h.channelName, "https://hooks.example.test/escaping"],
  );
  await q(
    `INSERT INTO "EscalationPolicy" (id, name, description, "systemId", "updatedAt") VALUES ($1,$2,$3,$4,now())`,
    [ids.policyId, h.policyName, h.policyDescription, ids.systemId],
  );
  await q(
    `INSERT INTO "EscalationLevel" (id, "policyId", position, "afterMinutes", "roleTargets") VALUES ($1,$2,1,0,$3)`,
    [levelId, ids.policyId, [h.levelRole]],
  );
  await q(`INSERT INTO "EscalationLevelContact" ("levelId", "contactId") VALUES ($1,$2)`, [levelId, ids.contactId]);
  await q(`INSERT INTO "EscalationLevelChannel" ("levelId", "channelId") VALUES ($1,$2)`, [levelId, channelId]);
  // A system's matrix has the system's id, as lib/people/matrix.ts makes it (the plan import relies on it).
  const matrixId = ids.systemId;
  await q(`INSERT INTO "NotificationMatrix" (id, "systemId", "updatedAt") VALUES ($1,$2,now())`, [
    matrixId,
    ids.systemId,
  ]);
  await q(
    `INSERT INTO "NotificationRule" (id, "matrixId", position, event, audience, "channelId", recipients, timing) VALUES ($1,$2,1,'detected','internal',$3,$4,'immediate')`,
    [id(), matrixId, channelId, h.ruleRecipients],
  );

  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1,$2,$3,$4,'commander',now())`,
    [userId, `xss-${run}@e2e.test`, h.userName, await bcrypt.hash(randomBytes(8).toString("hex"), 4)],
  );
  await q(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", scopes) VALUES ($1,$2,$3,$4,'{read}')`, [
    id(),
    h.tokenName,
    randomBytes(6).toString("hex"),
    randomBytes(32).toString("hex"),
  ]);
  await q(
    `INSERT INTO "AuditEvent" ("actorEmail", action, "entityType", "entityId", after) VALUES ($1,$2,'System',$3,$4)`,
    [`xss-${run}@e2e.test`, h.auditAction, ids.systemId, JSON.stringify({ name: h.systemName })],
  );

  // The incident is opened by the real Alertmanager intake: its title and alert come from the payload.
  const alertToken = await createTestToken(["alerts:write"]);
  const delivery = await request.post("/api/v1/alerts/alertmanager", {
    headers: { Authorization: `Bearer ${alertToken}` },
    data: {
      version: "4",
      groupKey: `{}:{alertname="xss-${run}"}`,
      status: "firing",
      receiver: "lifeboat",
      groupLabels: {},
      commonLabels: { system: h.systemName },
      commonAnnotations: { summary: h.incidentTitle },
      alerts: [
        {
          status: "firing",
          labels: { alertname: h.alertLabel, system: h.systemName, service: h.serviceName },
          annotations: { summary: h.alertSummary },
          startsAt: new Date().toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: JS_URL,
          fingerprint: `xss-${run}`,
        },
      ],
    },
  });
  if (delivery.status() !== 200)
    throw new Error(`Alertmanager intake answered ${delivery.status()}: ${await delivery.text()}`);
  const incident = ((await delivery.json()) as { incident: { id: string; number: number } }).incident;
  await q(
    `UPDATE "Incident" SET postmortem = $2, "statusPageLevel" = 'major_outage', "commanderId" = $3 WHERE id = $1`,
    [incident.id, h.postmortem, userId],
  );
  await q(
    `INSERT INTO "TimelineEvent" ("incidentId", kind, "actorName", message, public) VALUES ($1,'note',$2,$3,true), ($1,'note',$2,$4,false)`,
    [incident.id, h.userName, h.publicNote, h.internalNote],
  );

  await q(
    `INSERT INTO "Runbook" (id, "systemId", name, scenario, symptoms, detection, "updatedAt") VALUES ($1,$2,$3,$4,$5,$6,now())`,
    [ids.runbookId, ids.systemId, h.runbookName, h.scenario, h.symptoms, h.detection],
  );
  await q(
    `INSERT INTO "RunbookStep" (id, "runbookId", position, title, kind, config) VALUES ($1,$2,1,$3,'manual',$4), ($5,$2,2,$3,'command',$6)`,
    [
      stepId,
      ids.runbookId,
      h.stepTitle,
      JSON.stringify({ instructions: h.instructions }),
      id(),
      JSON.stringify({ command: h.command, enabled: false }),
    ],
  );
  await q(
    `INSERT INTO "DrillSchedule" (id, "runbookId", "everyDays", "nextDueAt", "updatedAt") VALUES ($1,$2,30,now() - interval '1 day',now())`,
    [id(), ids.runbookId],
  );
  await q(
    `INSERT INTO "RecoveryRun" (id, "runbookId", "incidentId", "runbookVersion", "runbookName", state, "startedBy", "finishedAt") VALUES ($1,$2,$3,1,$4,'failed',$5,now())`,
    [ids.runId, ids.runbookId, incident.id, h.runbookName, h.userName],
  );
  await q(
    `INSERT INTO "StepRun" (id, "runId", position, title, kind, config, "timeoutSeconds", retries, "safeToRepeat", state, output, error, "actedBy", reason)
     VALUES ($1,$2,1,$3,'manual',$4,60,0,false,'skipped','',NULL,$5,$6), ($7,$2,2,$3,'command',$8,60,0,false,'failed',$9,$10,NULL,NULL)`,
    [
      id(),
      ids.runId,
      h.stepTitle,
      JSON.stringify({ instructions: h.instructions }),
      h.actedBy,
      h.skipReason,
      id(),
      JSON.stringify({ command: h.command, enabled: true }),
      h.stepOutput,
      h.stepError,
    ],
  );

  // Backup policy by hand; its run through the real report route, as a backup job would send it.
  await q(
    `INSERT INTO "BackupPolicy" (id, "serviceId", name, "intervalMinutes", method, locations, "updatedAt") VALUES ($1,$2,$3,60,$4,$5,now())`,
    [backupPolicyId, ids.serviceId, h.policyNameBackup, h.backupMethod, [h.backupLocation]],
  );
  const backupToken = await createTestToken(["backups:write"]);
  const started = new Date(Date.now() - 60_000).toISOString();
  const report = await request.post("/api/v1/backup-runs", {
    headers: { Authorization: `Bearer ${backupToken}` },
    data: {
      policyId: backupPolicyId,
      externalId: `xss-${run}`,
      status: "failed",
      startedAt: started,
      finishedAt: new Date().toISOString(),
      location: h.backupLocation,
      message: h.backupMessage,
    },
  });
  if (report.status() !== 201) throw new Error(`Backup-run report answered ${report.status()}: ${await report.text()}`);

  return { values: h, ids: { ...ids, incidentId: incident.id, incidentNumber: incident.number } };
}
