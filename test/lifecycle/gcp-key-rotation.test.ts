import { gcpKeyRecord, gcpKeyRotation } from "../../lifecycle/rotation/gcp-key";

describe("GCP key rotation for up: due by the registered key's valid_after, parameters by variable name", () => {
  const rotation = gcpKeyRotation({ keyRotationDays: 30 });
  const outputs = (generations: string, createdAt: string) => ({
    service_account_key: "(sensitive)",
    service_account_key_generations: generations,
    service_account_key_created_at: createdAt,
  });

  test("a key 30 days old is due, 29 days 23 h is not; the next apply keeps both keys", () => {
    const slots = rotation.fromOutputs(outputs("[3]", "2026-10-01T08:00:00Z"))!;
    expect(rotation.due(slots, new Date("2026-10-31T07:59:59Z"))).toBe(false);
    expect(rotation.due(slots, new Date("2026-10-31T08:00:00Z"))).toBe(true);
    const overlap = rotation.begin(slots, new Date("2026-10-31T08:00:00Z"));
    expect(rotation.parameters(overlap)).toEqual({ service_account_key_generations: "[3,4]" });
    expect(rotation.parameters(rotation.complete(overlap))).toEqual({ service_account_key_generations: "[4]" });
  });

  test("a key of unknown age is never rotated blindly", () => {
    expect(rotation.due({ current: { generation: 1 } }, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });

  test("the record status reads: the provider's creation time, when up registered it, and from where", () => {
    const registeredAt = new Date("2026-10-01T08:00:05Z");
    expect(gcpKeyRecord(outputs("[3]", "2026-10-01T08:00:00Z"), registeredAt)).toEqual({
      createdAt: "2026-10-01T08:00:00.000Z",
      registeredAt: "2026-10-01T08:00:05.000Z",
      source: "terraform output service_account_key_created_at",
    });
    expect(gcpKeyRecord({ service_account_key: "(sensitive)" }, registeredAt)).toBeUndefined();
    expect(gcpKeyRecord(outputs("[3]", "not a time"), registeredAt)).toBeUndefined();
  });
});
