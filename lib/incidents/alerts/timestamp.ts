// Times that alert senders report (when an alert started, ended, or an event happened). They are the sender's
// view and are stored as sent: nothing Lifeboat measures uses them (an incident is declared, acknowledged and
// resolved by the database's clock), so a sender whose clock is hours off cannot shift an RTO.
// They must still be real instants: an ISO 8601 date and time in the years Lifeboat stores
// (lib/storable-time.ts). Date.parse alone also takes "1" (the year 2001) and "-010000-01-01T00:00:00Z"
// (which Postgres cannot hold, and which failed the whole delivery with a 500).
import { z } from "zod";
import { isStorableTimestamp } from "@/lib/storable-time";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export const isReportedInstant = (value: string) => ISO_DATE_TIME.test(value) && isStorableTimestamp(value);

export const reportedTimestamp = (message: string) => z.string().max(64).refine(isReportedInstant, message);
