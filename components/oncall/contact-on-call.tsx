// A contact's on-call across schedules (now / next, in each schedule's zone) and, for editors, their own
// calendar feed of every shift they hold.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatLocal } from "@/lib/oncall/local-time";
import type { findContactOnCall } from "@/lib/oncall/views";
import { FeedLink } from "./feed-link";

type OnCall = Awaited<ReturnType<typeof findContactOnCall>>;

export function ContactOnCall({ contactId, onCall, canEdit }: { contactId: string; onCall: OnCall; canEdit: boolean }) {
  return (
    <Card className="mt-6 max-w-2xl p-5 text-sm" data-testid="contact-on-call">
      <h2 className="mb-2 font-semibold">On call</h2>
      {onCall.schedules.length === 0 ? (
        <p className="text-slate-600">No shift on any schedule in the next two weeks.</p>
      ) : (
        <ul className="space-y-1">
          {onCall.schedules.map((s) => (
            <li key={s.scheduleId}>
              <Link href={`/people/schedules/${s.scheduleId}`} className="font-medium text-brand-700 underline">
                {s.scheduleName}
              </Link>
              :{" "}
              {s.now ? (
                <span className="font-medium text-green-800">
                  on call now until {formatLocal(s.now.end, s.timeZone)}
                </span>
              ) : (
                <span className="text-slate-600">not on call now</span>
              )}
              {s.next && (
                <span className="text-slate-600">
                  {" "}
                  · next {formatLocal(s.next.start, s.timeZone)} → {formatLocal(s.next.end, s.timeZone)}
                </span>
              )}
              <span className="text-xs text-slate-400"> ({s.timeZone})</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="mt-4">
          <h3 className="mb-1 font-medium">Their calendar feed</h3>
          <FeedLink kind="contact" id={contactId} token={onCall.feedToken} />
        </div>
      )}
    </Card>
  );
}
