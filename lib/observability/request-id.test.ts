import { describe, expect, it } from "vitest";
import { newRequestId, requestIdFrom, sanitizeRequestId } from "./request-id";

describe("request ids", () => {
  it.each(["abc", "req-123_x.y", "A".repeat(100), "0", "3f2a9c1e-7b4d-4e8a-9f00-1234567890ab"])(
    "keeps a sane incoming id: %s",
    (id) => {
      expect(sanitizeRequestId(id)).toBe(id);
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ["empty", ""],
    ["too long", "A".repeat(101)],
    ["a space", "abc def"],
    ["a newline (log injection)", "abc\ninjected"],
    ["a quote", 'abc"'],
    ["a slash", "a/b"],
    ["unicode", "réq"],
    ["a header separator", "abc\r\nSet-Cookie: x=1"],
  ])("refuses %s and makes a new id instead", (_label, bad) => {
    expect(sanitizeRequestId(bad)).toBeNull();
    const replaced = requestIdFrom(bad);
    expect(replaced).not.toBe(bad);
    expect(sanitizeRequestId(replaced)).toBe(replaced);
  });

  it("makes a new id when there is none, different every time", () => {
    expect(sanitizeRequestId(null)).toBeNull();
    expect(sanitizeRequestId(undefined)).toBeNull();
    const a = requestIdFrom(null);
    const b = newRequestId();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
