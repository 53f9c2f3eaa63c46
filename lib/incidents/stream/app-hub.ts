import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getTimelineHub, TimelineHub } from "./hub";

/** This app process's timeline hub. */
export const appTimelineHub = () =>
  getTimelineHub(() => new TimelineHub({ connectionString: env().DATABASE_URL, db: getDb() }));
