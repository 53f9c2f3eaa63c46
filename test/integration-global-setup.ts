// One Postgres for the integration run (embedded unless DATABASE_URL is set), with a migrated
// template database; every test file clones its own database from it (test/database.ts).
import type { TestProject } from "vitest/node";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase } from "@/lib/db/databases";
import { startEmbeddedCluster } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { launcherEnv } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const configured = launcherEnv().DATABASE_URL;
  let adminUrl: string;
  let stopCluster = async () => {};
  let dataDir: string | undefined;
  if (configured) {
    adminUrl = configured;
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-it-"));
    const cluster = await startEmbeddedCluster({ dataDir, persistent: false });
    adminUrl = cluster.adminUrl;
    stopCluster = cluster.stop;
  }
  const template = `lifeboat_it_template_${randomBytes(4).toString("hex")}`;
  const templateUrl = await ensureDatabase(adminUrl, template);
  await migrate(templateUrl);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await dropDatabase(adminUrl, template).catch(() => {});
    await stopCluster();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
