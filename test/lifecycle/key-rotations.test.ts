import { join } from "node:path";
import { loadConfig } from "../../config/load";
import type { ConnectorConfig } from "../../connectors/catalog";
import { credentialCreated } from "../../lifecycle/credential-created";
import type { ConnectorEngine } from "../../lifecycle/engine-port";
import { destroyParameters, keyRotationFor, slotRotationFor, type KeySlotSources } from "../../lifecycle/key-rotations";
import { deployWithRotation } from "../../lifecycle/rotate";
import { rotationOutputsOf } from "../../kinds/rotation";
import { buildPlan } from "../../plan/build";
import { hasStack } from "../../plan/select";
import { REPO } from "../helpers/cli";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-01-01T00:00:00Z");
const T1 = new Date(T0.getTime() + 91 * DAY);
const allSources = loadConfig(join(REPO, "examples", "all-sources.yaml"));
const connectors = allSources.tenants[0].connectors;
const plannedStacks = buildPlan(allSources).tenants[0].connectors.filter(hasStack);
const connector = (kind: string) => connectors.find((c) => c.kind === kind) as ConnectorConfig;
const engine = (stackName: string) =>
  ({ step: { engine: "stand-in", stackName, summary: "" } }) as unknown as ConnectorEngine;

/**
 * A stand-in for a GCP stack's Terraform state (not Terraform): `apply` keeps one key per generation
 * the variable lists, each created at the apply that first declared it, and reports the outputs the
 * stack declares (stacks/gcp: the generations, the newest key and its `valid_after`).
 */
class GcpStackStandIn implements KeySlotSources {
  keys = new Map<number, string>();
  outputs?: Record<string, string>;
  apply(variables: Record<string, string>, now: Date): Record<string, string> {
    const generations = JSON.parse(variables.service_account_key_generations) as number[];
    for (const g of [...this.keys.keys()]) if (!generations.includes(g)) this.keys.delete(g);
    for (const g of generations) if (!this.keys.has(g)) this.keys.set(g, now.toISOString());
    const newest = generations[generations.length - 1];
    this.outputs = {
      service_account_key_generations: JSON.stringify(generations),
      service_account_key: `key-of-generation-${newest}`,
      service_account_key_created_at: this.keys.get(newest)!,
    };
    return this.outputs;
  }
  terraformOutputs = async () => this.outputs;
  oktaKeySlots = async () => undefined;
}

describe("the GCP key's rotation, wired to its stack's variable and outputs", () => {
  test("reads slots from the outputs, rotates a due key by overlap, and removes the old key only after registering", async () => {
    const stack = new GcpStackStandIn();
    const rotation = slotRotationFor(connector("gcp"), engine("acme-prod-gcp"), stack)!;
    expect(await rotation.read()).toBeUndefined();
    const registered: string[] = [];
    const steps = (now: Date) => ({
      deploy: async (parameters: Record<string, string>) => stack.apply(parameters, now),
      register: async (outputs: Record<string, string>) => {
        // Both keys exist whenever a new one is registered: the old one is still valid.
        registered.push(`${outputs.service_account_key} while keys ${[...stack.keys.keys()].join(",")} exist`);
        return { connectivity: "Connected" as const };
      },
      note: () => undefined,
    });
    await deployWithRotation(rotation, T0, steps(T0));
    expect(await rotation.read()).toEqual({ current: { generation: 1, createdAt: T0.toISOString() } });
    await deployWithRotation(rotation, new Date(T0.getTime() + 30 * DAY), steps(new Date(T0.getTime() + 30 * DAY)));
    expect([...stack.keys.keys()]).toEqual([1]);

    await deployWithRotation(rotation, T1, steps(T1));
    expect(registered).toEqual([
      "key-of-generation-1 while keys 1 exist",
      "key-of-generation-1 while keys 1 exist",
      "key-of-generation-2 while keys 1,2 exist",
    ]);
    expect([...stack.keys.keys()]).toEqual([2]);
    expect(stack.outputs!.service_account_key_generations).toBe("[2]");
    expect(await rotation.read()).toEqual({ current: { generation: 2, createdAt: T1.toISOString() } });
  });
});

describe("the Okta key's rotation, wired to its stack's keySlots config", () => {
  const sources = (raw: unknown): KeySlotSources => ({
    terraformOutputs: async () => undefined,
    oktaKeySlots: async () => raw,
  });
  test("no stack: nothing deployed; a stack without keySlots: one key of unknown age, so due", async () => {
    expect(
      await slotRotationFor(connector("okta"), engine("acme-prod-okta"), sources(undefined))!.read(),
    ).toBeUndefined();
    const legacy = slotRotationFor(connector("okta"), engine("acme-prod-okta"), sources(null))!;
    const slots = (await legacy.read())!;
    expect(slots).toEqual({ current: { generation: 1 } });
    expect(legacy.due(slots, T0)).toBe(true);
    expect(legacy.parameters(legacy.begin(slots, T0))).toEqual({
      keySlots: JSON.stringify({ current: { generation: 1 }, next: { generation: 2, createdAt: T0.toISOString() } }),
    });
  });

  test("PingOne rotates inside its apply, with its grace window; AWS and GitHub do not rotate", () => {
    expect(keyRotationFor(connector("pingone"), engine("pingone"), sources(undefined))).toMatchObject({
      by: "window",
      credential: "PingOne client secret",
      windowMs: 7 * DAY,
      windowField: "previousSecretGraceDays",
    });
    for (const kind of ["aws", "github"])
      expect(keyRotationFor(connector(kind), engine(kind), sources(undefined))).toBeUndefined();
  });
});

describe("the Entra secret's rotation, wired to its stack's variable and outputs", () => {
  const outputs = (values: Record<string, string> | undefined): KeySlotSources => ({
    terraformOutputs: async () => values,
    oktaKeySlots: async () => undefined,
  });
  const rotation = (values: Record<string, string> | undefined) =>
    slotRotationFor(connector("azure"), engine("acme-prod-azure"), outputs(values))!;

  test("upgrade: a stack from before slots has one secret, generation 1, created one period before its time_rotating due time", async () => {
    // The outputs main wrote from 0a6b1ad to 1635526: the secret and the time_rotating's rotation_rfc3339.
    const legacy = rotation({ client_secret: "s", client_secret_rotation_due: "2026-04-01T00:00:00Z" });
    const slots = (await legacy.read())!;
    expect(slots).toEqual({ current: { generation: 1, createdAt: "2026-01-01T00:00:00.000Z" } });
    expect(legacy.due(slots, new Date("2026-03-31T23:59:59Z"))).toBe(false);
    expect(legacy.due(slots, new Date("2026-04-01T00:00:00Z"))).toBe(true);
    // Not due: the upgrade's apply lists generation 1 alone, which the moved block maps the old secret to.
    expect(legacy.parameters(slots)).toEqual({
      client_secret_generations: '[{"generation":1,"created_at":"2026-01-01T00:00:00.000Z"}]',
    });
  });

  test("mid-rotation outputs read back as both slots; the newest one's start_date is its creation", async () => {
    const slots = await rotation({
      client_secret: "s",
      client_secret_created_at: "2026-04-02T00:00:07Z",
      client_secret_generations: JSON.stringify([
        { generation: 1, created_at: "2026-01-01T00:00:00Z" },
        { generation: 2, created_at: "2026-04-02T00:00:00Z" },
      ]),
    }).read();
    expect(slots).toEqual({
      current: { generation: 1, createdAt: "2026-01-01T00:00:00.000Z" },
      next: { generation: 2, createdAt: "2026-04-02T00:00:07.000Z" },
    });
    const steady = rotation({ client_secret: "s" });
    expect(steady.parameters(steady.begin({ current: { generation: 1, createdAt: T0.toISOString() } }, T1))).toEqual({
      client_secret_generations: JSON.stringify([
        { generation: 1, created_at: T0.toISOString() },
        { generation: 2, created_at: T1.toISOString() },
      ]),
    });
  });

  test("down passes a valid generations value: every plan of the stack needs one, and a destroy removes every secret", () => {
    expect(destroyParameters(connector("azure"))).toEqual({
      client_secret_generations: '[{"generation":1,"created_at":"1970-01-01T00:00:00.000Z"}]',
    });
    expect(destroyParameters(connector("gcp"))).toEqual({ service_account_key_generations: "[1]" });
    expect(destroyParameters(connector("pingone"))).toBeUndefined();
  });

  test("recorded generations that make no sense are refused: a guess could delete the registered secret", async () => {
    const bad = rotation({ client_secret: "s", client_secret_generations: '[{"generation":2},{"generation":1}]' });
    await expect(bad.read()).rejects.toThrow(/client secret generations are not valid .*nothing was changed/);
  });
});

describe("the registered credential's creation time, from the outputs its kind's adapter declares", () => {
  /** The connector's plan entry and its kind's declared rotation outputs, as `up` reads them. */
  const created = (kind: string, outputs: Record<string, string>) => {
    const planned = plannedStacks.find((c) => c.kind === kind)!;
    return credentialCreated(planned, rotationOutputsOf(planned), outputs);
  };

  test("GCP valid_after, the Okta slot's createdAt, Entra's start_date, PingOne's time_rotating due time less its period", () => {
    expect(created("gcp", { service_account_key_created_at: "2026-03-01T10:00:00Z" })).toEqual({
      createdAt: "2026-03-01T10:00:00.000Z",
      source: "terraform output service_account_key_created_at",
    });
    expect(created("okta", { keyCreatedAt: "2026-03-02T00:00:00.000Z" })).toEqual({
      createdAt: "2026-03-02T00:00:00.000Z",
      source: "pulumi stack output keyCreatedAt",
    });
    expect(created("azure", { client_secret_created_at: "2026-01-02T03:04:05Z" })).toEqual({
      createdAt: "2026-01-02T03:04:05.000Z",
      source: "terraform output client_secret_created_at",
    });
    expect(created("pingone", { client_secret_rotation_due: "2026-04-01T00:00:00Z" })).toEqual({
      createdAt: "2026-01-01T00:00:00.000Z",
      source: "terraform output client_secret_rotation_due less 90 days",
    });
    expect(created("aws", { ARN: "arn:aws:iam::111111111111:role/X" })).toBeUndefined();
  });

  test("an output another kind declares says nothing: each kind reads its own", () => {
    expect(created("azure", { service_account_key_created_at: "2026-03-01T10:00:00Z" })).toBeUndefined();
    expect(created("azure", { client_secret_rotation_due: "2026-04-01T00:00:00Z" })).toBeUndefined();
    expect(created("gcp", { client_secret_rotation_due: "2026-04-01T00:00:00Z" })).toBeUndefined();
  });
});
