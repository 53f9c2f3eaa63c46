import { describe, expect, it } from "vitest";
import { handoffsBetween } from "./handoffs";
import type { Shift } from "./rotation";

const at = (hhmm: string) => new Date(`2027-06-01T${hhmm}:00Z`);
const shift = (from: string, to: string, contactId: string, source: Shift["source"] = 1): Shift => ({
  start: at(from),
  end: at(to),
  contactId,
  source,
});

describe("handoffs between final shifts", () => {
  const shifts = [
    shift("08:00", "10:00", "ana"),
    shift("10:00", "11:00", "ben"),
    shift("11:00", "12:00", "ben", "override"),
    shift("12:00", "13:00", "cho"),
    shift("14:00", "16:00", "ana"),
  ];

  it("lists changes of person inside (since, until], with who goes, who comes and until when", () => {
    expect(handoffsBetween(shifts, at("09:00"), at("14:00"))).toEqual([
      { at: at("10:00"), outgoing: "ana", incoming: "ben", until: at("11:00") },
      // 11:00: Ben stays on call (a layer to his own override) — no handoff.
      { at: at("12:00"), outgoing: "ben", incoming: "cho", until: at("13:00") },
      { at: at("13:00"), outgoing: "cho", incoming: null, until: null },
      { at: at("14:00"), outgoing: null, incoming: "ana", until: at("16:00") },
    ]);
  });

  it("takes the window's start as exclusive and its end as inclusive, so consecutive runs never repeat one", () => {
    expect(handoffsBetween(shifts, at("10:00"), at("12:00")).map((h) => h.at)).toEqual([at("12:00")]);
    expect(handoffsBetween(shifts, at("12:00"), at("12:30"))).toEqual([]);
  });
});
