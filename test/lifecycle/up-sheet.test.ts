import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { upTenant } from "../../lifecycle/up";
import { configWith } from "../helpers/config-text";
import { FakeCloud } from "./fake-cloud";

const EXTERNAL_ID = "CANARY-sheet-external-id-4b1e";

describe("up for a sheet tenant (fake engines; no Insights API)", () => {
  test("deploys with the config's external ID, then writes the sheets from the engines' outputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "up-sheet-"));
    const aws = [
      "kind: aws",
      "name: AWS Dev",
      'managementAccountId: "333333333333"',
      "trustedPrincipal: arn:aws:iam::222222222222:root",
      "externalId: env:SHEET_EXTERNAL_ID",
    ].join("\n");
    writeFileSync(join(dir, "tenants.yaml"), configWith([aws]));
    const cloud = new FakeCloud();
    const report = await upTenant(loadConfig(join(dir, "tenants.yaml")), "acme", {
      engineFor: cloud.engineFor,
      dryRun: false,
      env: { SHEET_EXTERNAL_ID: EXTERNAL_ID },
      settle: { settleTimeoutMs: 1000, pollMs: 10 },
      sheetDir: join(dir, "sheets"),
    });
    expect(report.connectors.map((c) => [c.name, c.outcome])).toEqual([["AWS Dev", "sheet"]]);
    expect(cloud.stacks.get("acme-aws")).toEqual({ awsExternalId: EXTERNAL_ID });
    expect(report.sheets).toHaveLength(1);
    const sheet = readFileSync(report.sheets[0], "utf8");
    // The role ARN the engine returned, ready to type into the console.
    expect(sheet).toMatch(/arn:aws:iam::\d{12}:role\/BeyondTrustInsightsReadOnly/);
    expect(readdirSync(join(dir, "sheets", "acme"))).toHaveLength(1);
    expect(JSON.stringify(report) + sheet).not.toContain(EXTERNAL_ID);
  });
});
