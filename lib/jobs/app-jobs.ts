// The app process's job sink: pg-boss on the app's database, started on first use.
import "server-only";
import { env } from "@/lib/env";
import { bossSink, getBoss, type JobSink } from "./boss";

export async function appJobs(): Promise<JobSink> {
  return bossSink(await getBoss(env().DATABASE_URL));
}
