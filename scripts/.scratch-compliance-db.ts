import pg from "pg";
import { seedComplianceBench } from "./lib/compliance-seed";
import { startThrowawayDatabase } from "./lib/throwaway";
async function main() {
  const database = await startThrowawayDatabase("lifeboat_bench");
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  console.log(JSON.stringify(await seedComplianceBench(raw)));
  await raw.end();
  console.log("URL", database.url);
  const stop = () => { void database.stop().then(() => process.exit(0)); };
  process.on("SIGTERM", stop); process.on("SIGINT", stop);
  setInterval(() => {}, 1 << 30);
}
void main();
