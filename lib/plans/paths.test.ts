import { describe, expect, it } from "vitest";
import { formatPath } from "./paths";

describe("formatPath", () => {
  it("formats paths", () => {
    expect(formatPath(["systems", 0, "runbooks", 1, "steps", 2, "config", "a b"])).toBe(
      'systems[0].runbooks[1].steps[2].config["a b"]',
    );
    expect(formatPath([])).toBe("");
  });
});
