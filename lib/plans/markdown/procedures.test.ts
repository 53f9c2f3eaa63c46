// Procedures in the shapes real plans write them (lib/plans/markdown/procedures.ts).
import { describe, expect, it } from "vitest";
import { extractMarkdownPlan } from "./extract";

function read(source: string) {
  const r = extractMarkdownPlan(source);
  const runbooks = r.plan.systems[0]?.runbooks ?? [];
  const commands = r.facts.filter((f) => f.kind === "command").map((f) => (f.kind === "command" ? f.command : ""));
  return { runbooks, names: runbooks.map((b) => b.name), commands };
}

describe("procedures", () => {
  it("reads a numbered section with Trigger / Action (inline kubectl in sub-bullets) / Validation", () => {
    const { runbooks, names, commands } = read(
      "# Shop DR Plan\n\n## 3. Procedures\n\n### 3.1 Region failure\n\n1. **Trigger:** the region is down\n2. **Action:**\n   - Scale up: `kubectl scale deploy/api --replicas=4`\n   - Point DNS at the standby\n3. **Validation:** `curl -f https://shop.example/healthz`\n",
    );
    expect(names).toContain("Region failure");
    expect(commands).toEqual(["kubectl scale deploy/api --replicas=4", "curl -f https://shop.example/healthz"]);
    const steps = runbooks.find((r) => r.name === "Region failure")!.steps!;
    expect(steps.find((s) => s.kind === "command")).toMatchObject({ title: "Scale up", enabled: false });
  });

  it("makes one runbook of '### Step N' headings, a step per heading", () => {
    const { names, commands } = read(
      "# Wiki Recovery Guide\n\n## Step-by-Step Recovery\n\n### Step 1: Fetch\n\n```bash\nsftp vault:/wiki.tar.gz .\n```\n\n### Step 2: Unpack\n\n```bash\ntar xzf wiki.tar.gz # unpack\n```\n",
    );
    expect(names).toEqual(["Step-by-Step Recovery"]);
    expect(commands).toEqual(["sftp vault:/wiki.tar.gz .", "tar xzf wiki.tar.gz"]);
  });

  it("reads 'Label:' then a bare fence, and inline-code commands on consecutive lines", () => {
    const { commands } = read(
      "# Backups\n\n## Setup\n\nInstall:\n```\nsudo apt-get install -y restic\n```\n\n`systemctl daemon-reload`\n`systemctl enable backup.timer`\n",
    );
    expect(commands).toEqual([
      "sudo apt-get install -y restic",
      "systemctl daemon-reload",
      "systemctl enable backup.timer",
    ]);
  });

  it("names procedures in other languages and keeps a scenario's subsections in it", () => {
    const { names } = read(
      "# Plan de recuperación\n\n## Procedimiento de recuperación\n\n1. Detener la aplicación\n2. Restaurar el volcado\n\n## 场景 2：数据库故障\n\n#### 2.1 从备份恢复\n\n```bash\nmysql < backup.sql\n```\n",
    );
    expect(names).toEqual(["Procedimiento de recuperación", "场景 2：数据库故障"]);
  });

  it("does not read config, crontab or reference appendices as commands, nor descriptive sections as runbooks", () => {
    const { names, commands } = read(
      "# Shop DR Plan\n\n## Overview\n\n- Nightly dumps\n- Weekly snapshots\n\n## Schedule\n\n```\n0 2 * * * /opt/backup.sh\n```\n\n```yaml\nretention: 30d\n```\n\n## Appendix\n\n### Useful Commands\n\n```bash\ndocker compose ps\n```\n",
    );
    expect(names).toEqual([]);
    expect(commands).toEqual([]);
  });

  it("does not make runbooks outside a backup or recovery document", () => {
    expect(read("# Notes\n\nSome words.\n\n## Build\n\n```bash\nnpm run build\n```\n").names).toEqual([]);
  });
});
