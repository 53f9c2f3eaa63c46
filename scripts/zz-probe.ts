import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/tokens/tokens";
import { percentiles } from "./lib/measure";
import { startAppServer, startThrowawayDatabase } from "./lib/throwaway";

const body = (groupKey: string, fps: string[]) => JSON.stringify({ version: "4", groupKey, truncatedAlerts: 0, status: "firing", receiver: "bench", groupLabels: { alertname: "X" }, commonLabels: { alertname: "X", severity: "warning" }, commonAnnotations: {}, externalURL: "http://am",
  alerts: fps.map((fingerprint) => ({ status: "firing", labels: { alertname: "X", service: "Redis", system: "NEURECTOMY Platform", severity: "warning" }, annotations: { summary: "bench" }, startsAt: new Date().toISOString(), endsAt: "0001-01-01T00:00:00Z", generatorURL: "http://prom", fingerprint })) });

async function main() {
  const worker = process.argv[2] ?? "inline";
  const database = await startThrowawayDatabase("lifeboat_probe");
  const db = createPrismaClient(database.url);
  await seedDemo(db);
  const server = await startAppServer(database.url, { env: { LOG_LEVEL: "warn", WORKER: worker } });
  try {
    const { token } = await createApiToken(db, { system: "bench" }, { name: "bench", scopes: ["alerts:write"] });
    const post = async (b: string) => {
      const t = performance.now();
      const r = await fetch(`${server.baseUrl}/api/v1/alerts/alertmanager`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: b });
      await r.text();
      if (!r.ok) throw new Error(String(r.status));
      return performance.now() - t;
    };
    const h: number[] = [];
    for (let i = 0; i < 100; i++) { const t = performance.now(); await (await fetch(`${server.baseUrl}/api/health`)).text(); h.push(performance.now() - t); }
    const storm = body("storm", ["s1", "s2"]);
    const s: number[] = [];
    for (let i = 0; i < 100; i++) s.push(await post(storm));
    const c: number[] = [];
    for (let i = 0; i < 60; i++) c.push(await post(body(`cold-${i}`, [`c-${i}`])));
    console.log("worker", worker);
    console.log("sequential health", percentiles(h));
    console.log("sequential storm", percentiles(s));
    console.log("sequential cold", percentiles(c));
    // wait-event sampling during a wrk distinct run
    const raw = new pg.Client({ connectionString: database.url }); await raw.connect();
    const waits = new Map<string, number>();
    let sampling = true;
    const sampler = (async () => { while (sampling) { const r = await raw.query(`SELECT coalesce(wait_event_type,'CPU')||':'||coalesce(wait_event,'-')||':'||state AS w, application_name FROM pg_stat_activity WHERE datname=current_database() AND pid<>pg_backend_pid() AND state <> 'idle'`); for (const row of r.rows) waits.set(row.w + " " + row.application_name, (waits.get(row.w + " " + row.application_name) ?? 0) + 1); await new Promise(r => setTimeout(r, 20)); } })();
    const UNIQUE = "@@u@@";
    const lua = body(`cold-wrk-${UNIQUE}`, [`cw-${UNIQUE}`]).split(UNIQUE).map((t) => `[==[${t}]==]`).join(` .. (tostring(wrk.thread):gsub("[^%w]", "")) .. "-" .. counter .. `);
    const mode = process.argv[3] ?? "cold";
    const { writeFileSync } = await import("node:fs");
    const { spawn } = await import("node:child_process");
    writeFileSync("/tmp/probe.lua", `counter = 0\nrequest = function()\n counter = counter + 1\n local body = ${mode === "cold" ? lua : `[==[${storm}]==]`}\n return wrk.format("POST", "/api/v1/alerts/alertmanager", {["Content-Type"]="application/json", ["Authorization"]="Bearer ${token}"}, body)\nend\n`);
    const res = await new Promise<string>((resolve) => { let out = ""; const p = spawn("wrk", ["-t2", "-c16", "-d6s", "--latency", "-s", "/tmp/probe.lua", server.baseUrl]); p.stdout.on("data", (d) => (out += d)); p.on("exit", () => resolve(out)); });
    sampling = false; await sampler;
    console.log(mode, "wrk", res);
    console.log([...waits].sort((a, b) => b[1] - a[1]).slice(0, 15));
    await raw.end();
  } finally {
    server.stop();
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 1000));
    await database.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
