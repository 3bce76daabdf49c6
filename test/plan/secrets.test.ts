import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fieldLines } from "../../config/field-lines";
import { reference } from "../../plan/secrets";
import { SecretRef } from "../../values/secret-ref";

describe("a secret reference as the plan records it", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-secrets-"));
    mkdirSync(join(dir, "config", "secrets"), { recursive: true });
    writeFileSync(join(dir, "outside.key"), "x", { mode: 0o600 });
    symlinkSync(join(dir, "outside.key"), join(dir, "config", "secrets", "linked.key"));
    symlinkSync(dir, join(dir, "config", "up"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = () => join(dir, "config");

  test.each([
    ["env:PRA_CLIENT_SECRET", "env:PRA_CLIENT_SECRET", false],
    ["file:./secrets/pra.key", "file:secrets/pra.key", false],
    ["file:secrets/../secrets/pra.key", "file:secrets/pra.key", false],
    ["file:../outside.key", "file:../outside.key", true],
    ["file:secrets/../../../../root/.aws/credentials", "file:../../../root/.aws/credentials", true],
    ["file:/etc/ssh/ssh_host_ed25519_key", "file:/etc/ssh/ssh_host_ed25519_key", true],
    // Inside by its path, outside by what it resolves to: a symlinked file, a symlinked folder on the way.
    ["file:secrets/linked.key", "file:secrets/linked.key", true],
    ["file:up/not-yet-there.key", "file:up/not-yet-there.key", true],
  ])("%s → %s (outside the folder: %s)", (text, shown, outside) => {
    const [scheme, ...target] = text.split(":");
    const ref = new SecretRef(scheme as "env" | "file", target.join(":"));
    expect(reference(ref, config())).toEqual({ reference: shown, ...(outside ? { outsideConfigFolder: true } : {}) });
  });

  test("an absolute path inside the folder is recorded relative to it, so two checkouts agree", () => {
    const ref = new SecretRef("file", join(config(), "secrets", "pra.key"));
    expect(reference(ref, config())).toEqual({ reference: "file:secrets/pra.key" });
  });
});

describe("the line of a field path in a config", () => {
  const text = [
    "version: 1",
    "tenants:",
    "  - name: acme",
    "    insights:",
    "      adapter: sheet",
    "    connectors:",
    "      - kind: okta",
    "        name: Okta",
    "        domain: acme.okta.com",
    "",
  ].join("\n");

  test("a field, an entry, and a field the text lacks (its nearest parent)", () => {
    const lineOf = fieldLines(text);
    expect(lineOf("tenants[0].connectors[0].domain")).toBe(9);
    expect(lineOf("tenants[0].insights.adapter")).toBe(5);
    expect(lineOf("tenants[0].connectors[0]")).toBe(7);
    expect(lineOf("tenants[0].connectors[0].permissionsBoundary")).toBe(7);
  });
});
