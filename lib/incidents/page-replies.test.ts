// The words an SMS reply may use, and the phone numbers a gateway may send, read the way people type them.
import { describe, expect, it } from "vitest";
import { normalizePhone, parseReplyText, readReply } from "./page-replies";

describe("reply text", () => {
  it("reads ACK/ESC and their words in any case, with extra words after the code", () => {
    expect(parseReplyText("ACK 7KQ4M9")).toEqual({ action: "acknowledge", code: "7KQ4M9" });
    expect(parseReplyText("  esc 7kq4m9 please")).toEqual({ action: "escalate", code: "7KQ4M9" });
    expect(parseReplyText("Acknowledge: 7KQ4M9")).toEqual({ action: "acknowledge", code: "7KQ4M9" });
    expect(parseReplyText("ESCALATE 7KQ4M9")).toEqual({ action: "escalate", code: "7KQ4M9" });
  });

  it("refuses other words, short or long codes and letters outside the alphabet", () => {
    for (const text of ["A 7KQ4M9", "OK 7KQ4M9", "ACK 7KQ4M", "ACK 7KQ4M99", "ACK 7KQ4M0", "ACK", "", "7KQ4M9 ACK"])
      expect(parseReplyText(text), text).toBeNull();
  });
});

describe("phone numbers", () => {
  it("normalises separators and a 00 prefix to E.164, and refuses anything else", () => {
    expect(normalizePhone("+1 (415) 555-0101")).toBe("+14155550101");
    expect(normalizePhone("0049 30 1234567")).toBe("+49301234567");
    for (const bad of ["4155550101", "+0123456789", "+1415\u00005550101", "", "+1"])
      expect(normalizePhone(bad)).toBeNull();
  });
});

describe("reply bodies", () => {
  it("reads JSON {from, text} and Twilio-style forms, and names the field it cannot use", () => {
    expect(readReply("application/json", '{"from":"+14155550101","text":"ACK 7KQ4M9"}')).toEqual({
      from: "+14155550101",
      text: "ACK 7KQ4M9",
    });
    expect(
      readReply("application/x-www-form-urlencoded; charset=utf-8", "From=%2B14155550101&Body=esc+7KQ4M9"),
    ).toEqual({
      from: "+14155550101",
      text: "esc 7KQ4M9",
    });
    expect(readReply("application/json", "{")).toMatchObject({ status: 400, body: { field: "(body)" } });
    expect(readReply("application/json", '{"from":"+1"}')).toMatchObject({ status: 422, body: { field: "text" } });
    expect(readReply("application/json", "[]")).toMatchObject({ status: 422, body: { field: "(body)" } });
  });
});
