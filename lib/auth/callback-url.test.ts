import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/users?x=1", "/admin/users?x=1"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/steal", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?callbackUrl=/admin", "/"],
    ["/api/auth/signout", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("whatever it is given, the browser stays on this site", () => {
    const base = "https://lifeboat.example";
    // Strings built from the characters open redirects are made of, plus arbitrary unicode.
    const tricky = fc
      .array(
        fc.constantFrom(
          "/",
          "\\",
          ":",
          ".",
          "@",
          "%",
          "2",
          "f",
          "5",
          "c",
          "\t",
          "\n",
          " ",
          "?",
          "#",
          "evil",
          "http",
          "javascript",
          "\u3002",
        ),
        { maxLength: 24 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: "grapheme" }), fc.webUrl()), (input) => {
        const path = safeCallbackPath(input);
        expect(path.startsWith("/")).toBe(true);
        expect(new URL(path, base).origin).toBe(base);
      }),
      { numRuns: 2000 },
    );
  });
});
