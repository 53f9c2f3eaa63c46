import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { StreamSlots } from "./stream-slots";

const refused = async (cap: string) =>
  (await metrics().sseStreamsRefused.get()).values.find((v) => v.labels.cap === cap)?.value ?? 0;

describe("StreamSlots", () => {
  it("caps streams per user and per process, counts refusals, and frees a slot once however often it is released", async () => {
    const slots = new StreamSlots(() => ({ perUser: 2, perProcess: 3 }));
    const [userBefore, processBefore] = [await refused("user"), await refused("process")];
    const a1 = slots.acquire("a");
    const a2 = slots.acquire("a");
    expect(slots.acquire("a")).toEqual({ ok: false, cap: "user", limit: 2 });
    const b1 = slots.acquire("b");
    expect(slots.acquire("c")).toEqual({ ok: false, cap: "process", limit: 3 });
    expect([await refused("user"), await refused("process")]).toEqual([userBefore + 1, processBefore + 1]);

    if (!a1.ok || !a2.ok || !b1.ok) throw new Error("slots refused");
    a1.release();
    a1.release();
    expect([slots.held(), slots.held("a")]).toEqual([2, 1]);
    expect(slots.acquire("c").ok).toBe(true);
    expect(slots.acquire("a")).toMatchObject({ ok: false, cap: "process" });
    a2.release();
    b1.release();
    expect(slots.held("a")).toBe(0);
  });
});
