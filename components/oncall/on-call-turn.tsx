// "Who, until when" and "who next, from when" as one line each, in the schedule's zone.
import { formatLocal } from "@/lib/oncall/local-time";
import type { OnCallTurn } from "@/lib/oncall/views";

export function NowLine({ turn, timeZone }: { turn: OnCallTurn | null; timeZone: string }) {
  if (!turn) return <span className="font-medium text-red-700">Nobody on call</span>;
  return (
    <span>
      <span className="font-medium">{turn.name}</span>
      {turn.override && <span className="text-xs text-slate-500"> (override)</span>}
      <span className="text-slate-500"> until {formatLocal(turn.end, timeZone)}</span>
    </span>
  );
}

export function NextLine({ turn, timeZone }: { turn: OnCallTurn | null; timeZone: string }) {
  if (!turn) return <span className="text-slate-500">nobody in the next two weeks</span>;
  return (
    <span>
      <span className="font-medium">{turn.name}</span>
      <span className="text-slate-500"> from {formatLocal(turn.start, timeZone)}</span>
    </span>
  );
}
