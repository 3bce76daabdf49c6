import { compactTime, readableTimes, relativeTime } from "../../../providers/text/times";

describe("times people read", () => {
  test("compact: minutes in UTC, no seconds, no milliseconds, no T", () => {
    expect(compactTime("2026-12-06T09:18:56.113Z")).toBe("2026-12-06 09:18Z");
    expect(compactTime("2026-12-06T09:18:56Z")).toBe("2026-12-06 09:18Z");
    expect(compactTime("2026-12-06T09:18Z")).toBe("2026-12-06 09:18Z");
  });

  test("relative, for a person at a terminal", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(relativeTime(new Date("2026-12-06T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(relativeTime(new Date("2026-12-06T11:59:40Z"), now)).toBe("now");
    expect(relativeTime(new Date("2026-12-06T07:00:00Z"), now)).toBe("5 hours ago");
    expect(relativeTime(new Date("2026-12-05T09:00:00Z"), now)).toBe("yesterday");
    expect(relativeTime(new Date("2026-12-20T12:00:00Z"), now)).toBe("in 2 weeks");
  });

  test("every ISO time inside a text is made readable; other text is left alone", () => {
    const text = "DRIFTED at the last detection (2026-12-06T09:18:56.113Z); key 2026-12-01 of acme-prod";
    expect(readableTimes(text)).toBe("DRIFTED at the last detection (2026-12-06 09:18Z); key 2026-12-01 of acme-prod");
    expect(readableTimes(text, new Date("2026-12-06T09:21:00Z"))).toBe(
      "DRIFTED at the last detection (2 minutes ago); key 2026-12-01 of acme-prod",
    );
    expect(readableTimes("never")).toBe("never");
  });
});
