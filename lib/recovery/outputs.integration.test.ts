// Step outputs can hold credentials (an HTTP step that fetched a credentials document, a command that printed
// a key). Commanders and admins read them whole; viewers and responders, on the run page, the incident page
// and the timeline every role reads, get them with the credentials hidden. Real HTTP, real commands, real rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTestService, type TestService } from "@/test/http-service";
import type { Role } from "@/lib/auth/roles";
import { advanceRun, type Engine } from "./engine";
import { findIncidentRuns, findRun } from "./queries";
import { startRun } from "./runs";

const KEY_ID = "ASIACANARYKEYID00001";
const SECRET = "canarySecretAccessKey0123456789abcdefXYZ";
const TOKEN = "canary-session-token-value";
const PRINTED = "canary-db-password-42";

let t: TestDatabase;
let service: TestService;
let engine: Engine;

beforeAll(async () => {
  t = await createTestDatabase();
  service = await startTestService({
    "/latest/meta-data/iam/security-credentials/role": {
      body: JSON.stringify({ Code: "Success", AccessKeyId: KEY_ID, SecretAccessKey: SECRET, Token: TOKEN }, null, 2),
    },
  });
  engine = {
    db: t.db,
    jobs: { enqueue: async () => null } /* advanceRun is called directly below */,
    options: { commandsEnabled: true, leaseSeconds: 30 },
  };
});

afterAll(async () => {
  await service?.close();
});

describe("step outputs that hold credentials", () => {
  it("are whole for commanders and admins, hidden for responders and viewers, and hidden on the timeline", async () => {
    await t.db.user.create({
      data: { id: "u1", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
    });
    const system = await t.db.system.create({ data: { name: "Payments" } });
    const runbook = await t.db.runbook.create({
      data: {
        systemId: system.id,
        name: "Rotate",
        steps: {
          create: [
            {
              position: 1,
              title: "fetch role credentials",
              kind: "http",
              config: { method: "GET", url: `${service.url}/latest/meta-data/iam/security-credentials/role` },
              timeoutSeconds: 10,
            },
            {
              position: 2,
              title: "print settings",
              kind: "command",
              config: {
                command: `echo "DB_PASSWORD=$(echo ${Buffer.from(PRINTED).toString("base64")} | base64 -d)"; echo done`,
              },
              timeoutSeconds: 10,
            },
          ],
        },
      },
    });
    const incident = await t.db.incident.create({
      data: { title: "Keys rotated", severity: "SEV2", systemId: system.id },
    });
    const { id: runId } = await startRun(
      t.db,
      engine.jobs,
      { id: "u1", email: "ic@example.com" },
      { runbookId: runbook.id, incidentId: incident.id, confirmUncovered: true },
    );
    await advanceRun(engine, runId);

    const stored = await t.db.stepRun.findMany({ where: { runId }, orderBy: { position: "asc" } });
    expect(stored.map((s) => s.state)).toEqual(["succeeded", "succeeded"]);
    // The command is shown as written (it is the instruction); the password it prints is not in it.
    const canaries = [KEY_ID, SECRET, TOKEN, PRINTED];

    const seen = async (role: Role) =>
      JSON.stringify([await findRun(t.db, runId, role), await findIncidentRuns(t.db, incident.id, role)]);
    for (const role of ["commander", "admin"] as const) {
      const page = await seen(role);
      for (const canary of canaries) expect(page, `${role} sees ${canary}`).toContain(canary);
    }
    for (const role of ["responder", "viewer"] as const) {
      const page = await seen(role);
      for (const canary of canaries) expect(page, `${role} must not see ${canary}`).not.toContain(canary);
      // What the step did stays readable: the request line, the shape of the answer, the command's other output.
      expect(page).toContain("→ HTTP 200");
      expect(page).toContain('\\"Code\\": \\"Success\\"');
      expect(page).toContain("done");
    }

    const timeline = (
      await t.db.timelineEvent.findMany({ where: { incidentId: incident.id }, select: { message: true } })
    )
      .map((e) => e.message)
      .join("\n");
    expect(timeline).toContain("print settings");
    for (const canary of canaries) expect(timeline).not.toContain(canary);
  });
});
