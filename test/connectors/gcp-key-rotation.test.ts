import {
  beginGcpKeyRotation,
  completeGcpKeyRotation,
  FIRST_GCP_KEY_SLOTS,
  gcpKeyGenerations,
  gcpKeySlotsFromGenerations,
  gcpKeyToRegister,
} from "../../connectors/gcp/key-rotation";

describe("GCP key slots: add the new key, register it, then delete the old one", () => {
  const now = new Date("2026-11-23T18:00:00Z");

  test("begin adds generation n+1 beside the current key; that is the key to register; both are kept", () => {
    const current = { generation: 3, createdAt: "2026-08-25T12:00:00.000Z" };
    const overlap = beginGcpKeyRotation({ current }, now);
    expect(overlap).toEqual({ current, next: { generation: 4, createdAt: "2026-11-23T18:00:00.000Z" } });
    expect(gcpKeyToRegister(overlap)).toEqual({ generation: 4, createdAt: "2026-11-23T18:00:00.000Z" });
    expect(gcpKeyGenerations(overlap)).toEqual([3, 4]);
    expect(() => beginGcpKeyRotation(overlap, now)).toThrow("key generation 4 is already waiting to be registered");
  });

  test("complete keeps only the registered key; without a rotation under way it refuses", () => {
    const overlap = beginGcpKeyRotation(FIRST_GCP_KEY_SLOTS, now);
    const done = completeGcpKeyRotation(overlap);
    expect(done).toEqual({ current: { generation: 2, createdAt: "2026-11-23T18:00:00.000Z" } });
    expect(gcpKeyGenerations(done)).toEqual([2]);
    expect(gcpKeyToRegister(FIRST_GCP_KEY_SLOTS)).toEqual({ generation: 1 });
    expect(() => completeGcpKeyRotation(FIRST_GCP_KEY_SLOTS)).toThrow("no key rotation is under way");
  });

  test("slots come back from the stack's recorded generations and the registered key's valid_after", () => {
    expect(gcpKeySlotsFromGenerations([5], "2026-10-01T08:00:00Z")).toEqual({
      current: { generation: 5, createdAt: "2026-10-01T08:00:00.000Z" },
    });
    // Mid-rotation (killed between begin and register): the next key is the registered one.
    expect(gcpKeySlotsFromGenerations([5, 6], "2026-11-23T18:00:00+01:00")).toEqual({
      current: { generation: 5 },
      next: { generation: 6, createdAt: "2026-11-23T17:00:00.000Z" },
    });
    expect(gcpKeySlotsFromGenerations([1])).toEqual({ current: { generation: 1 } });
  });

  test.each([
    [[], "Too small"],
    [[1, 2, 3], "Too big"],
    [[2, 1], "the second generation must be the newer"],
    [[0], "Too small"],
    [["1"], "expected number"],
    [undefined, "expected array"],
  ])("recorded generations %j are refused, never guessed (%s)", (recorded, reason) => {
    expect(() => gcpKeySlotsFromGenerations(recorded)).toThrow(reason);
    expect(() => gcpKeySlotsFromGenerations(recorded)).toThrow("nothing was changed");
  });

  test("invalid slots never reach the Terraform variable", () => {
    expect(() => gcpKeyGenerations({ current: { generation: 2 }, next: { generation: 2 } })).toThrow(
      "next.generation must be greater than current.generation",
    );
  });
});
