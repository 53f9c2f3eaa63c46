import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./storable-text";

describe("findUnstorableText", () => {
  it("accepts any well-formed text, astral characters and controls other than NUL included", () => {
    expect(
      findUnstorableText({ a: "😀 \u202e\u200b\u0001 <script>", b: ["𝕏", 1, null], c: { d: "'; DROP TABLE x;--" } }),
    ).toBeNull();
  });
  it("names the field holding a NUL", () => {
    expect(findUnstorableText({ a: { b: ["ok", "x\u0000y"] } })).toEqual({
      field: "a.b.1",
      message: expect.stringContaining("NUL"),
    });
  });
  it("names the field holding a lone surrogate, high or low, and refuses one in a key", () => {
    expect(findUnstorableText({ name: "a\ud800" })?.field).toBe("name");
    expect(findUnstorableText({ name: "\udc00b" })?.message).toContain("surrogates");
    expect(findUnstorableText({ ["k\ud800"]: 1 })?.field).toBe("k\ud800");
  });
  it("calls a bare string the body, and survives deep nesting", () => {
    expect(findUnstorableText("\u0000")?.field).toBe("(body)");
    let deep: unknown = "\ud800";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.message).toContain("surrogates");
  });
});
