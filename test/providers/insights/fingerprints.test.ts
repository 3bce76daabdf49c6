import { createHash, scryptSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SecretValue } from "../../../values/secret-value";
import { InsightsEmulator } from "../../../providers/insights/emulator/server";
import {
  emulatorFingerprintCost,
  FINGERPRINT_COST_VARIABLE,
} from "../../../providers/insights/emulator/fingerprint-cost";
import { secretFingerprint } from "../../../providers/insights/contract";
import { changedFields } from "../../../register/reconcile";
import { InsightsHttpClient } from "../../../providers/insights/http-client";
import { filesUnder } from "../../helpers/files";
import { withoutSuiteSetting } from "../../helpers/full-strength";
import { INSIGHTS_CONNECTOR_KINDS } from "../../../connectors/catalog";

const SITE = "5a7f0c2e-1b2c-4d3e-8f40-123456789abc";
/** A weak, guessable secret: the kind a dictionary finds in a few hundred tries. */
const CANARY = "Summer2024!";
const DICTIONARY = ["password", "Winter2023!", "Spring2024!", CANARY, "letmein", "Autumn2024!"];

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// The suite sets a low emulator cost for speed; here it is unset, so the default holds.
withoutSuiteSetting(FINGERPRINT_COST_VARIABLE);

const praBody = (name: string, secret = CANARY) => ({
  name,
  subdomain: "acme.beyondtrustcloud.com",
  clientId: "pra-client",
  clientSecret: new SecretValue(secret),
});

describe("secret fingerprints are scrypt with a per-connector salt from the server", () => {
  let dir: string;
  let emulator: InsightsEmulator;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "fingerprints-"));
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(dir, "state"),
      checkDelayMs: 10,
    });
  });
  afterEach(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a dictionary guess at SHA-256 speed finds nothing; scrypt(N=16384, r=8, p=1) with the salt reproduces it", async () => {
    const client = new InsightsHttpClient({ kinds: INSIGHTS_CONNECTOR_KINDS, baseUrl: emulator.url, siteId: SITE });
    const first = await client.create("pra-cloud", praBody("PRA one"), "fingerprint-key-0001");
    const second = await client.create("pra-cloud", praBody("PRA two"), "fingerprint-key-0002");
    expect(first.fingerprintCost).toBe(14);

    const fingerprint = first.secretFingerprints.clientSecret;
    expect(fingerprint).toMatch(/^scrypt:[A-Za-z0-9_-]{43}$/);
    for (const guess of DICTIONARY) {
      const hex = sha256(`${first.id}\nclientSecret\n${guess}`);
      expect(fingerprint).not.toContain(hex);
      expect(fingerprint).not.toBe(`sha256:${hex}`);
    }
    // The documented derivation, computed here independently of the contract module.
    const expected = scryptSync(`clientSecret\n${CANARY}`, Buffer.from(first.fingerprintSalt, "base64url"), 32, {
      N: 16384,
      r: 8,
      p: 1,
    });
    expect(fingerprint).toBe(`scrypt:${expected.toString("base64url")}`);
    // Equal secrets on two connectors share neither salt nor fingerprint.
    expect(Buffer.from(first.fingerprintSalt, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(second.fingerprintSalt).not.toBe(first.fingerprintSalt);
    expect(second.secretFingerprints.clientSecret).not.toBe(fingerprint);
  });

  test("the emulator's files hold no secret, no unsalted SHA-256 of it, and no SHA-256 of a request body", async () => {
    const client = new InsightsHttpClient({ kinds: INSIGHTS_CONNECTOR_KINDS, baseUrl: emulator.url, siteId: SITE });
    const values = {
      name: "PRA",
      subdomain: "acme.beyondtrustcloud.com",
      clientId: "pra-client",
      clientSecret: CANARY,
    };
    const created = await client.create(
      "pra-cloud",
      { ...values, clientSecret: new SecretValue(CANARY) },
      "fingerprint-key-0003",
    );
    // A replay with the same key is still recognised (the salted request fingerprint matches).
    expect(
      (await client.create("pra-cloud", { ...values, clientSecret: new SecretValue(CANARY) }, "fingerprint-key-0003"))
        .id,
    ).toBe(created.id);
    await emulator.stop();
    const stored = filesUnder(join(dir, "state"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(dir, "state"),
      checkDelayMs: 10,
    });
    expect(stored).toContain(created.fingerprintSalt);
    for (const forbidden of [
      CANARY,
      sha256(CANARY),
      sha256(`${created.id}\nclientSecret\n${CANARY}`),
      sha256(JSON.stringify(values)),
    ]) {
      expect(stored).not.toContain(forbidden);
    }
    expect(stored).not.toMatch(/\b[0-9a-f]{64}\b/);
  });
});

describe("the cost travels with the salt: the server states it, the client recomputes at it, within bounds", () => {
  let emulator: InsightsEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  test("an emulator at cost 10 states it, its fingerprints are scrypt N=1024, and the client compares at that cost", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10, fingerprintCost: 10 });
    const client = new InsightsHttpClient({ kinds: INSIGHTS_CONNECTOR_KINDS, baseUrl: emulator.url, siteId: SITE });
    const created = await client.create("pra-cloud", praBody("PRA cheap"), "fingerprint-key-0101");
    expect(created.fingerprintCost).toBe(10);
    const salt = Buffer.from(created.fingerprintSalt, "base64url");
    const expected = scryptSync(`clientSecret\n${CANARY}`, salt, 32, { N: 1024, r: 8, p: 1 });
    expect(created.secretFingerprints.clientSecret).toBe(`scrypt:${expected.toString("base64url")}`);

    const wanted = (secret: string) => ({
      tenant: "acme",
      kind: "pra-cloud",
      name: "PRA cheap",
      values: { clientSecret: new SecretValue(secret) },
      secretFields: new Set(["clientSecret"]),
    });
    expect(await changedFields(wanted(CANARY), created)).toEqual([]);
    expect(await changedFields(wanted("Winter2023!"), created)).toEqual(["clientSecret"]);
    // At the default cost the same secret would look changed: the stated cost is what makes it equal.
    const { fingerprintCost: _stated, ...unstated } = created;
    expect(await changedFields(wanted(CANARY), unstated)).toEqual(["clientSecret"]);
  });

  test("the suite's variable sets the emulator's cost; a bad value is refused naming the variable", () => {
    expect(emulatorFingerprintCost(undefined, {})).toBe(14);
    expect(emulatorFingerprintCost(undefined, { [FINGERPRINT_COST_VARIABLE]: "11" })).toBe(11);
    expect(emulatorFingerprintCost(12, { [FINGERPRINT_COST_VARIABLE]: "11" })).toBe(12);
    for (const bad of ["9", "16", "12.5", "fast"]) {
      expect(() => emulatorFingerprintCost(undefined, { [FINGERPRINT_COST_VARIABLE]: bad })).toThrow(
        new RegExp(`^${FINGERPRINT_COST_VARIABLE} must be a whole number from 10 to 15 .*, not ${bad}$`),
      );
    }
  });

  test("the client computes no fingerprint outside 10..15, whoever asks", async () => {
    for (const cost of [9, 16, 30, 1.5]) {
      await expect(secretFingerprint("AAAAAAAAAAAAAAAAAAAAAA", "clientSecret", CANARY, cost)).rejects.toThrow(
        `fingerprint cost ${cost} is outside 10..15`,
      );
    }
    await expect(secretFingerprint("AAAAAAAAAAAAAAAAAAAAAA", "clientSecret", CANARY, 15)).resolves.toMatch(/^scrypt:/);
  });
});
