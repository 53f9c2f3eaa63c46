import { describe, expect, it } from "vitest";
import { formatMinutes, tierLabel } from "./tiers";

describe("tiers", () => {
  it("formats minutes for people", () => {
    expect(formatMinutes(15)).toBe("15 min");
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatMinutes(1440)).toBe("1 d");
    expect(formatMinutes(null)).toBe("—");
  });
  it("labels tiers", () => {
    expect(tierLabel(1)).toBe("Tier 1 · Critical");
    expect(tierLabel(9)).toBe("Tier 9 · Unknown");
  });
});
