import { describe, expect, it } from "vitest";
import { contactFormValues, fillSeconds, validateContactForm } from "./contact-form";

const values = (fields: Record<string, string>) => contactFormValues(new URLSearchParams({ name: "Ada", email: "Ada@Example.com", topic: "returns", message: "Hi", ...fields }));

describe("validateContactForm", () => {
  it("normalises a valid form: lower-case email, '#' order name, control characters removed", () => {
    const result = validateContactForm(values({ order: "1001", message: "Line one\r\nLine two\u0007" }));
    expect(result).toEqual({ ok: true, form: { name: "Ada", email: "ada@example.com", orderName: "#1001", topic: "returns", message: "Line one\nLine two" } });
  });

  it("reports an error code per bad field", () => {
    const result = validateContactForm(values({ name: " ", email: "x@", order: "10 01", topic: "free", message: "m".repeat(5001) }));
    expect(result).toEqual({ ok: false, errors: { name: "required", email: "email_invalid", order: "order_invalid", topic: "topic_invalid", message: "too_long" } });
  });

  it("treats a missing topic as 'other' and an empty order as none", () => {
    const result = validateContactForm(contactFormValues(new URLSearchParams({ name: "A", email: "a@b.co", message: "x", order: "" })));
    expect(result).toMatchObject({ ok: true, form: { topic: "other", orderName: null } });
  });
});

describe("fillSeconds", () => {
  it("measures from the rendered timestamp, null when absent or nonsense", () => {
    const now = new Date("2026-11-23T10:00:10Z");
    expect(fillSeconds(String(Date.parse("2026-11-23T10:00:00Z") / 1000), now)).toBe(10);
    expect(fillSeconds("", now)).toBeNull();
    expect(fillSeconds("abc", now)).toBeNull();
    expect(fillSeconds("-5", now)).toBeNull();
  });
});
