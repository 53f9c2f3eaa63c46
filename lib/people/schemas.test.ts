import { describe, expect, it } from "vitest";
import { channelFieldsSchema, contactFieldsSchema } from "./schemas";

describe("people input", () => {
  it("normalises phones to E.164 and refuses anything else", () => {
    expect(contactFieldsSchema.parse({ name: "A", phone: "+1 (415) 555-0101" }).phone).toBe("+14155550101");
    expect(contactFieldsSchema.safeParse({ name: "A", phone: "555-0101" }).success).toBe(false);
    expect(contactFieldsSchema.parse({ name: "A", phone: "" }).phone).toBeNull();
  });

  it("refuses channel URLs that carry a user name or password", () => {
    const result = channelFieldsSchema.safeParse({
      name: "SMS",
      type: "sms",
      url: "https://user:key@gateway.example/send",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/must not contain a user name or password/);
    expect(
      channelFieldsSchema.safeParse({ name: "SMS", type: "sms", url: "https://gateway.example/send?key=abc" }).success,
    ).toBe(true);
  });
});
