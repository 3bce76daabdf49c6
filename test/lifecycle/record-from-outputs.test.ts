import { credentialRecordFromOutputs } from "../../lifecycle/rotation/record-from-outputs";

describe("the credential record up leaves: the creation time each engine reports", () => {
  const registeredAt = new Date("2026-11-23T18:00:05Z");

  test.each([
    [
      { kind: "gcp", keyRotationDays: 90 },
      { service_account_key_created_at: "2026-11-23T18:00:00Z" },
      "2026-11-23T18:00:00.000Z",
      "terraform output service_account_key_created_at",
    ],
    [
      { kind: "okta", keyRotationDays: 90 },
      { keyCreatedAt: "2026-11-20T09:00:00.000Z", keyGeneration: "2" },
      "2026-11-20T09:00:00.000Z",
      "pulumi stack output keyCreatedAt",
    ],
    [
      { kind: "azure", secretRotationDays: 90 },
      { client_secret_rotation_due: "2027-02-21T18:00:00Z" },
      "2026-11-23T18:00:00.000Z",
      "terraform output client_secret_rotation_due minus secretRotationDays",
    ],
    [
      { kind: "pingone", secretRotationDays: 30 },
      { client_secret_rotation_due: "2026-12-23T18:00:00Z" },
      "2026-11-23T18:00:00.000Z",
      "terraform output client_secret_rotation_due minus secretRotationDays",
    ],
  ])("%j", (connector, outputs, createdAt, source) => {
    expect(credentialRecordFromOutputs(connector, outputs, registeredAt)).toEqual({
      createdAt,
      registeredAt: "2026-11-23T18:00:05.000Z",
      source,
    });
  });

  test("no record without a time from the engine, or for a kind that does not rotate", () => {
    expect(credentialRecordFromOutputs({ kind: "okta" }, { keyGeneration: "1" }, registeredAt)).toBeUndefined();
    expect(credentialRecordFromOutputs({ kind: "azure" }, { client_secret_rotation_due: "x" }, registeredAt))
      .toBeUndefined();
    expect(credentialRecordFromOutputs({ kind: "aws" }, { ARN: "arn:aws:iam::1:role/r" }, registeredAt))
      .toBeUndefined();
  });
});
