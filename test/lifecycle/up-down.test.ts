import { createHash } from "node:crypto";
import type { DownReport } from "../../lifecycle/down";
import type { UpReport } from "../../lifecycle/up";
import { EMULATOR_DEFAULT_SITE } from "../../register/insights-target";
import { CANARY, Harness, STACKS } from "./harness";

let harness: Harness;
beforeEach(async () => {
  harness = await Harness.start();
});
afterEach(() => harness.stop());

const byName = (report: UpReport | "killed", name: string) =>
  (report as UpReport).connectors.find((c) => c.name === name)!;

describe("up, orchestrated over fake engines and the Insights emulator (127.0.0.1)", () => {
  test("from nothing to Connected: every stack deployed in config order, every connector registered once", async () => {
    const report = (await harness.up()) as UpReport;
    expect(
      report.connectors.map((c) => [c.name, c.outcome, c.registration?.action, c.registration?.connectivity]),
    ).toEqual([
      ["AWS Dev", "converged", "create", "Connected"],
      ["Contoso Entra", "converged", "create", "Connected"],
      ["Acme Okta", "converged", "create", "Connected"],
      ["Acme EPM", "converged", "create", "Connected"],
      ["corp.example AD", "converged", "create", "Pending Agent Registration"],
    ]);
    expect(harness.cloud.log.filter((l) => l.startsWith("deploy"))).toEqual([
      "deploy acme-aws",
      "deploy acme-azure",
      "deploy acme-okta",
    ]);
    expect(await harness.registered()).toEqual([
      "active-directory/corp.example AD",
      "aws/AWS Dev",
      "azure/Contoso Entra",
      "epm-cloud/Acme EPM",
      "okta/Acme Okta",
    ]);
    // The AWS stack got the external ID Insights handed out (the emulator derives it from the site).
    const externalId = createHash("sha256").update(`external-id\n${EMULATOR_DEFAULT_SITE}`).digest("hex").slice(0, 32);
    expect(harness.cloud.stacks.get("acme-aws")).toEqual({ awsExternalId: externalId });
    expect(JSON.stringify(report)).not.toContain(CANARY);
    expect(JSON.stringify(report)).not.toContain(externalId);
  });

  test("up again changes nothing in Insights", async () => {
    await harness.up();
    const before = await harness.emulator.all();
    const again = (await harness.up()) as UpReport;
    expect(again.connectors.map((c) => c.registration?.action)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect((await harness.emulator.all()).map((c) => c.updatedAt)).toEqual(before.map((c) => c.updatedAt));
  });

  test("a failing deploy stops that connector with the engine's own message; the others go on", async () => {
    harness.cloud.failing.set("acme-azure", "Error: building client: AADSTS700016 application not found");
    const report = await harness.up();
    expect(byName(report, "Contoso Entra")).toMatchObject({
      outcome: "failed",
      detail: "deploy: Error: building client: AADSTS700016 application not found",
    });
    expect(byName(report, "Acme Okta").outcome).toBe("converged");
    expect(byName(report, "Acme EPM").outcome).toBe("converged");
    expect(await harness.registered()).not.toContain("azure/Contoso Entra");
  });

  test("a missing engine is named with how to install it, and nothing of that connector is deployed", async () => {
    harness.cloud.missing.set(
      "acme-okta",
      "pulumi is not on PATH: install it from https://www.pulumi.com/docs/iac/download-install/",
    );
    const report = await harness.up();
    expect(byName(report, "Acme Okta")).toMatchObject({
      outcome: "failed",
      detail: expect.stringContaining("install it from https://www.pulumi.com"),
    });
    expect(harness.cloud.stacks.has("acme-okta")).toBe(false);
    expect(byName(report, "AWS Dev").outcome).toBe("converged");
  });

  test("--dry-run prints the ordered steps and commands, and changes nothing", async () => {
    const report = (await harness.up({ dryRun: true })) as UpReport;
    expect(report.connectors.map((c) => c.outcome)).toEqual(["planned", "planned", "planned", "planned", "planned"]);
    expect(byName(report, "AWS Dev").steps).toEqual([
      `AWS external ID: POST ${harness.emulator.url}/api/v1/sites/${EMULATOR_DEFAULT_SITE}/aws-external-id`,
      "deploy: fake-engine deploy acme-aws",
      'register: create or update "AWS Dev" (aws) in Insights by kind and name',
      "wait for the first connectivity check (Connected)",
    ]);
    expect(byName(report, "Acme Okta").steps).toContain(
      "when the credential is due: a new one is deployed beside the old and registered, and the old one is " +
        "removed only once Insights reports the new one Connected (PingOne: it works previousSecretGraceDays more)",
    );
    expect(harness.cloud.log).toEqual([]);
    expect(await harness.registered()).toEqual([]);
  });
});

describe("down", () => {
  test("turns off and deletes every connector, then destroys the stacks in reverse order", async () => {
    await harness.up();
    harness.cloud.log.length = 0;
    const report = (await harness.down()) as DownReport;
    expect(await harness.registered()).toEqual([]);
    expect([...harness.cloud.stacks.keys()]).toEqual([]);
    // Insights first (so nothing polls a dead credential), then the stacks, last deployed first.
    expect(harness.cloud.log.map((l) => l.split(" ")[0])).toEqual([
      "turn-off",
      "remove",
      "turn-off",
      "remove",
      "turn-off",
      "remove",
      "turn-off",
      "remove",
      "remove",
      "destroy",
      "destroy",
      "destroy",
    ]);
    expect(harness.cloud.log.filter((l) => l.startsWith("destroy"))).toEqual([
      "destroy acme-okta",
      "destroy acme-azure",
      "destroy acme-aws",
    ]);
    expect(report.removed).toContain("Insights connector corp.example AD (active-directory)");
    expect(report.left).toEqual([]);
  });

  test("a stack whose engine fails is reported with the engine's message, the rest is removed", async () => {
    await harness.up();
    harness.cloud.missing.set("acme-azure", "terraform is not on PATH: install Terraform >= 1.5 or OpenTofu");
    const report = (await harness.down()) as DownReport;
    expect(report.left).toEqual([
      {
        what: "stack acme-azure (Contoso Entra)",
        why: "terraform is not on PATH: install Terraform >= 1.5 or OpenTofu",
      },
    ]);
    expect([...harness.cloud.stacks.keys()]).toEqual(["acme-azure"]);
    expect(STACKS.filter((s) => harness.cloud.stacks.has(s))).toEqual(["acme-azure"]);
  });
});

describe("down keeps what it must", () => {
  test("a connector Insights will not delete keeps its stack, and the report says why", async () => {
    await harness.up();
    const entra = (await harness.emulator.all()).find((c) => c.name === "Contoso Entra")!;
    const real = harness.apiWith({})();
    const remove = async (id: string) => {
      if (id === entra._id) throw new Error("HTTP 503 unavailable");
      return real.remove(id);
    };
    const report = (await harness.down({ insightsApi: harness.apiWith({ remove }) })) as DownReport;
    expect(report.left).toEqual([
      {
        what: "Insights connector Contoso Entra (azure)",
        why: "HTTP 503 unavailable; its stack was kept so the connector does not poll a dead credential",
      },
    ]);
    expect([...harness.cloud.stacks.keys()]).toEqual(["acme-azure"]);
    expect(await harness.registered()).toEqual(["azure/Contoso Entra"]);
  });
});

describe("down for a GitHub connector", () => {
  test("removes the installation through its engine and names the app registration as left for an owner", async () => {
    await harness.stop();
    harness = await Harness.start(["kind: github\nname: Acme GitHub\norganization: acme"]);
    expect(((await harness.up()) as UpReport).connectors.map((c) => c.outcome)).toEqual(["converged"]);
    const report = (await harness.down()) as DownReport;
    expect(report.removed).toEqual(["Insights connector Acme GitHub (github)", "stack acme-github (Acme GitHub)"]);
    expect(report.left).toEqual([
      {
        what: "the GitHub App registration of Acme GitHub",
        why: expect.stringMatching(/^only an organization owner .* Delete GitHub App$/),
        expected: true,
      },
    ]);
    expect(await harness.registered()).toEqual([]);
  });
});

describe("up reports a connector that registered but does not connect", () => {
  test("a failed first check makes a failed connector, with the reason from its activity history", async () => {
    await harness.stop();
    const epm =
      "kind: epm-cloud\nname: Acme EPM\ndomain: https://acme.pm.beyondtrustcloud.com\nclientId: FAIL-CONNECTIVITY";
    harness = await Harness.start([`${epm}\nclientSecret: env:EPM_CLIENT_SECRET`]);
    const [connector] = ((await harness.up()) as UpReport).connectors;
    expect(connector).toMatchObject({
      outcome: "failed",
      registration: { action: "create", connectivity: "Failed" },
      detail: "Failed: authentication failed: the source rejected the credentials (HTTP 401)",
    });
  });
});
