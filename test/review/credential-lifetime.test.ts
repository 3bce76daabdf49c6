import { parseConfig } from "../../config/load";
import type { PlannedConnector } from "../../plan/model";
import { buildPlan } from "../../plan/build";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { planSynthesis } from "../../kinds/plan-synthesis";
import { GrantConsistencyError, withExtractedGrants } from "../../review/attach";
import { diffPlans } from "../../review/diff";
import * as lifetimeReader from "../../review/extract/credential-lifetime";
import { CredentialLifetimeError, terraformCredentialLifetimes } from "../../review/extract/credential-lifetime";
import { renderDiffMarkdown, renderDiffText } from "../../review/render-diff";
import { configWith, VALID } from "../helpers/config-text";

// swc compiles exports to fixed getters; these spies need module objects whose functions they may replace.
jest.mock("../../review/extract/credential-lifetime", () => ({
  __esModule: true,
  ...jest.requireActual("../../review/extract/credential-lifetime"),
}));

/** The plan of a config text with its artifacts read, as `plan` and `diff` make it. */
async function planOf(...connectors: string[]) {
  const config = parseConfig(configWith(connectors), "tenants.yaml", "/nonexistent");
  return withExtractedGrants(buildPlan(config), planSynthesis());
}

const connectorOf = (plan: Awaited<ReturnType<typeof planOf>>, kind: string): PlannedConnector =>
  plan.tenants[0].connectors.find((c) => c.kind === kind)!;

describe("credential lifetimes are read from the synthesized artifacts, not copied from the config", () => {
  test("Entra: the secret rotates every 90 days and lives 120 (end_date = creation + 120 days); the old one kept until Connected", async () => {
    const plan = await planOf(VALID.azure);
    expect(connectorOf(plan, "azure").credentialLifetimes).toEqual([
      {
        credential: "Entra client secret",
        rotationDays: 90,
        validDays: 120,
        previousValidDays: 0,
        previousUntilRegistered: true,
        artifact: "cdktf.out/stacks/acme-azure/cdk.tf.json azuread_application_password.client_secret",
      },
    ]);
  });

  test("Entra, a stack from before secret slots: time_rotating's period, replaced in the same apply", () => {
    // The shape main synthesized from 0a6b1ad to 1635526 (stacks/azure/rotating-client-secret.ts there).
    const json = {
      resource: {
        time_rotating: { client_secret_rotation: { rotation_days: 90 } },
        azuread_application_password: {
          client_secret: {
            end_date: '${timeadd(time_rotating.client_secret_rotation.rotation_rfc3339, "720h")}',
            rotate_when_changed: { rotation: "${time_rotating.client_secret_rotation.id}" },
          },
        },
      },
    };
    expect(terraformCredentialLifetimes(json, "a.json")).toEqual([
      {
        credential: "Entra client secret",
        rotationDays: 90,
        validDays: 120,
        previousValidDays: 0,
        artifact: "a.json azuread_application_password.client_secret",
      },
    ]);
  });

  test("PingOne: the secret rotates every 90 days, does not expire on its own, and the replaced one works 7 more days", async () => {
    const plan = await planOf(
      VALID.pingone,
      `${VALID.pingone.replace("name: Ping", "name: Ping Two")}\npreviousSecretGraceDays: 30`,
    );
    const lifetimes = plan.tenants[0].connectors.map((c) => c.credentialLifetimes![0]);
    expect(lifetimes.map(({ artifact: _artifact, ...rest }) => rest)).toEqual([
      { credential: "PingOne client secret", rotationDays: 90, previousValidDays: 7 },
      { credential: "PingOne client secret", rotationDays: 90, previousValidDays: 30 },
    ]);
  });

  test("GCP: the key rotates every 30 days, has no expiry of its own, the old one kept until registered", async () => {
    const plan = await planOf(`${VALID.gcp}\nkeyRotationDays: 30`);
    expect(connectorOf(plan, "gcp").credentialLifetimes).toEqual([
      {
        credential: "GCP service account key",
        rotationDays: 30,
        previousValidDays: 0,
        previousUntilRegistered: true,
        artifact: "cdktf.out/stacks/acme-gcp/cdk.tf.json google_service_account_key.connector_service_account_key",
      },
    ]);
  });

  test("Okta: the key rotates every 60 days, and the replaced one stays until the new one is registered", async () => {
    const plan = await planOf(`${VALID.okta}\nkeyRotationDays: 60`);
    expect(connectorOf(plan, "okta").credentialLifetimes).toEqual([
      {
        credential: "Okta app key (private key JWT)",
        rotationDays: 60,
        previousValidDays: 0,
        previousUntilRegistered: true,
        artifact: "Pulumi program acme-okta insights-connectors:okta:InsightsOktaConnector::acme-okta",
      },
    ]);
  });

  test("plan JSON, table and markdown show every credential's rotation; kinds without one show none", async () => {
    const plan = await planOf(VALID.azure, VALID.pingone, VALID.gcp, VALID.okta, VALID.github);
    const byKind = (field: string) =>
      Object.fromEntries(
        JSON.parse(renderJson(plan)).tenants[0].connectors.map((c: any) => [
          c.kind,
          c.credentialLifetimes?.[0][field] ?? null,
        ]),
      );
    expect(byKind("rotationDays")).toEqual({ azure: 90, pingone: 90, gcp: 90, okta: 90, github: null });
    expect(byKind("validDays")).toEqual({ azure: 120, pingone: null, gcp: null, okta: null, github: null });
    expect(renderTable(plan, 200)).toContain(
      "  GCP service account key: rotated every 90 days, valid until replaced, " +
        "the replaced one removed once Insights reports the new one Connected",
    );
    expect(renderTable(plan, 200)).toContain(
      "  Okta app key (private key JWT): rotated every 90 days, valid until replaced, " +
        "the replaced one removed once Insights reports the new one Connected",
    );
    const table = renderTable(plan, 200);
    expect(table).toContain(
      "  Entra client secret: rotated every 90 days, each valid 120 days, " +
        "the replaced one removed once Insights reports the new one Connected",
    );
    expect(table).toContain(
      "  PingOne client secret: rotated every 90 days, valid until replaced, the replaced one valid 7 more days",
    );
    expect(renderMarkdown(plan)).toContain(
      "- PingOne client secret: rotated every 90 days, valid until replaced, the replaced one valid 7 more days (read from the synthesized stack)",
    );
    expect(connectorOf(plan, "github").credentialLifetimes).toBeUndefined();
  });

  test("diff reports a changed grace of the replaced PingOne secret", async () => {
    const base = await planOf(VALID.pingone);
    const head = await planOf(`${VALID.pingone}\npreviousSecretGraceDays: 14`);
    const diff = diffPlans(base, head);
    expect(diff.escalations).toEqual([]);
    expect(renderDiffText(diff)).toContain(
      "  PingOne client secret lifetime: rotated every 90 days, valid until replaced, the replaced one valid 7 more days → " +
        "rotated every 90 days, valid until replaced, the replaced one valid 14 more days",
    );
    expect(renderDiffMarkdown(diff)).toContain("PingOne client secret lifetime:");
  });

  test("an expression the reader does not know is an error, never a guess", () => {
    const json = {
      resource: {
        time_rotating: { r: { rotation_days: 30 } },
        azuread_application_password: {
          p: { end_date: "2030-01-01T00:00:00Z", rotate_when_changed: { rotation: "${time_rotating.r.id}" } },
        },
      },
    };
    expect(() => terraformCredentialLifetimes(json, "a.json")).toThrow(CredentialLifetimeError);
    expect(() =>
      terraformCredentialLifetimes({ resource: { time_rotating: { r: { rotation_months: 1 } } } }, "a.json"),
    ).toThrow("a.json time_rotating.r: only rotation_days is read (found rotation_months)");
  });

  test("a lifetime that cannot be read fails the plan as a catalog mismatch does, naming the artifact", async () => {
    const reader = jest.spyOn(lifetimeReader, "terraformCredentialLifetimes").mockImplementation(() => {
      throw new CredentialLifetimeError(
        "cdktf.out/stacks/acme-azure/cdk.tf.json azuread_application_password.client_secret: no end_date",
      );
    });
    try {
      await expect(planOf(VALID.azure)).rejects.toThrow(GrantConsistencyError);
      await expect(planOf(VALID.azure)).rejects.toThrow(
        "the synthesized stacks cannot be read: cdktf.out/stacks/acme-azure/cdk.tf.json",
      );
    } finally {
      reader.mockRestore();
    }
  });
});
