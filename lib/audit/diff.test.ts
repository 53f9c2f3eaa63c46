import { describe, expect, it } from "vitest";
import { redactForAudit } from "./record";
import { diffRecords } from "./diff";

describe("diffRecords", () => {
  it("lists only changed fields, ignoring bookkeeping", () => {
    expect(diffRecords({ role: "viewer", name: "A", version: 1 }, { role: "admin", name: "A", version: 2 })).toEqual([
      { field: "role", before: "viewer", after: "admin" },
    ]);
  });
  it("shows a whole record on creation", () => {
    expect(diffRecords(null, { a: 1, b: "x" })).toEqual([
      { field: "a", after: "1" },
      { field: "b", after: "x" },
    ]);
  });
});

describe("redactForAudit", () => {
  it("drops secrets at any depth and serialises bigints", () => {
    expect(redactForAudit({ id: 1n, passwordHash: "h", nested: { token: "t", keep: true } })).toEqual({
      id: "1",
      nested: { keep: true },
    });
  });
});
