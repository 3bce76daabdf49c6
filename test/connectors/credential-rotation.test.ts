import { keyRotation, rotationDueAt, rotationStatus } from "../../connectors/common/credential-rotation";
import {
  beginOktaKeyRotation,
  completeOktaKeyRotation,
  FIRST_OKTA_KEY_SLOTS,
  oktaKeySlots,
  oktaKeyToRegister,
} from "../../connectors/okta/key-rotation";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

describe("when a credential's next rotation is due (for status and up)", () => {
  test("due = creation + rotation days in whole 24-hour days, UTC, across a month end and a leap day", () => {
    expect(rotationDueAt(new Date("2026-01-15T09:30:00Z"), 90).toISOString()).toBe("2026-04-15T09:30:00.000Z");
    expect(rotationDueAt(new Date("2028-02-28T00:00:00Z"), 7).toISOString()).toBe("2028-03-06T00:00:00.000Z");
  });

  test("age in whole days and whether the rotation is due, one second either side of the due time", () => {
    const created = new Date("2026-08-25T12:00:00Z");
    expect(rotationStatus(created, 90, new Date("2026-11-23T11:59:59Z"))).toEqual({
      ageDays: 89,
      dueAt: new Date("2026-11-23T12:00:00Z"),
      due: false,
    });
    expect(rotationStatus(created, 90, new Date("2026-11-23T12:00:00Z"))).toMatchObject({ ageDays: 90, due: true });
    expect(rotationStatus(created, 90, new Date("2027-01-01T00:00:00Z"))).toMatchObject({ ageDays: 128, due: true });
  });

  test("a key rotates by its connector's own keyRotationDays (GCP 30, Okta 14 here)", () => {
    const created = new Date("2026-11-01T00:00:00Z");
    const now = new Date("2026-11-23T00:00:00Z");
    expect(keyRotation(created, { keyRotationDays: 30 }, now)).toEqual({
      ageDays: 22,
      dueAt: new Date("2026-12-01T00:00:00Z"),
      due: false,
    });
    expect(keyRotation(created, { keyRotationDays: 14 }, now)).toEqual({
      ageDays: 22,
      dueAt: new Date("2026-11-15T00:00:00Z"),
      due: true,
    });
  });

  test("an invalid creation time or period is an error, never a made-up date", () => {
    expect(() => rotationDueAt(new Date("not a date"), 90)).toThrow("not a valid date");
    expect(() => rotationDueAt(new Date("2026-11-01T00:00:00Z"), 0)).toThrow("rotationDays");
  });
});

describe("Okta key slots: add the new key, register it, then remove the old one", () => {
  const now = new Date("2026-11-23T18:00:00Z");

  test("begin adds generation n+1 beside the current key, and that is the key to register", () => {
    const current = { generation: 3, createdAt: "2026-08-25T12:00:00.000Z" };
    const overlap = beginOktaKeyRotation({ current }, now);
    expect(overlap).toEqual({ current, next: { generation: 4, createdAt: "2026-11-23T18:00:00.000Z" } });
    expect(oktaKeyToRegister(overlap)).toEqual({ generation: 4, createdAt: "2026-11-23T18:00:00.000Z" });
    expect(() => beginOktaKeyRotation(overlap, now)).toThrow("key generation 4 is already waiting to be registered");
  });

  test("complete keeps only the registered key; without a rotation under way it refuses", () => {
    const overlap = beginOktaKeyRotation(FIRST_OKTA_KEY_SLOTS, now);
    expect(completeOktaKeyRotation(overlap)).toEqual({
      current: { generation: 2, createdAt: "2026-11-23T18:00:00.000Z" },
    });
    expect(() => completeOktaKeyRotation(FIRST_OKTA_KEY_SLOTS)).toThrow("no key rotation is under way");
  });

  test("slots from a stack config are checked: the next generation must be newer, times ISO 8601", () => {
    expect(oktaKeySlots.safeParse({ current: { generation: 2 }, next: { generation: 2 } }).success).toBe(false);
    expect(oktaKeySlots.safeParse({ current: { generation: 1, createdAt: "yesterday" } }).success).toBe(false);
    expect(oktaKeySlots.parse({ current: { generation: 1, createdAt: "2026-11-23T18:00:00Z" } })).toEqual({
      current: { generation: 1, createdAt: "2026-11-23T18:00:00Z" },
    });
  });
});

describe("keyRotationDays is bounded, with errors located at the field", () => {
  const located = (entry: string, extra: string) => {
    const text = configWith([`${entry}\n${extra}`]);
    const expectedLine = lineOf(text, extra);
    return problemsOf(text).map((p) => ({ line: p.line, path: p.path, message: p.message, expectedLine }));
  };

  test.each([
    ["gcp", "keyRotationDays: 6", "must be at least 7 days"],
    ["gcp", "keyRotationDays: 366", "must be at most 365 days (a key a year old is overdue)"],
    ["okta", "keyRotationDays: 6", "must be at least 7 days"],
    ["okta", "keyRotationDays: 400", "must be at most 365 days (a key a year old is overdue)"],
    ["okta", "keyRotationDays: 30.5", "must be a int, not a number"],
  ] as const)("%s %s", (kind, extra, message) => {
    const [problem, ...more] = located(VALID[kind], extra);
    expect(more).toEqual([]);
    expect(problem).toEqual({
      line: problem.expectedLine,
      path: "tenants[0].connectors[0].keyRotationDays",
      message,
      expectedLine: problem.expectedLine,
    });
  });
});
