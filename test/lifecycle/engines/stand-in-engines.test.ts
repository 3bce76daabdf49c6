import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { loadConfig } from "../../../config/load";
import type { ToolkitConfig } from "../../../config/types";
import type { ConnectorConfig } from "../../../connectors/catalog";
import { engineResolver } from "../../../kinds/engines";
import type { EngineOptions } from "../../../lifecycle/engines";
import { buildPlan } from "../../../plan/build";
import { inConfigOrder } from "../../../plan/select";
import { engineOf, loadEngines } from "../../helpers/engines";
import { EngineMissingError } from "../../../providers/engines/engine-cli";
import { REPO } from "../../helpers/cli";

beforeAll(loadEngines);

const FAKES = join(REPO, "test", "fakes", "engines");
/** The stand-ins first, then this Node (their shebang is `env node`), and nothing else. */
const FAKE_PATH = [FAKES, dirname(process.execPath)].join(delimiter);
const CANARY = "canary-tf-var-value-3b91";

interface Call {
  tool: string;
  argv: string[];
  cwd: string;
  /** The names in the engine's working folder when it ran. */
  files: string[];
  tfVars: string[];
}

let work: string;
let log: string;
const saved = {
  PATH: process.env.PATH,
  FAKE_ENGINE_LOG: process.env.FAKE_ENGINE_LOG,
  PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE,
};
const calls = (): Call[] =>
  existsSync(log)
    ? readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "stand-in-engines-"));
  log = join(work, "calls.jsonl");
  // Pulumi's Automation API finds its CLI on the process's own PATH: the stand-ins must be on it too.
  process.env.PATH = FAKE_PATH;
  process.env.FAKE_ENGINE_LOG = log;
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

function connectorOf(file: string, kind: string): { config: ToolkitConfig; connector: ConnectorConfig } {
  const config = loadConfig(join(REPO, "examples", file));
  const tenant = config.tenants.find((t) => t.connectors.some((c) => c.kind === kind))!;
  return { config, connector: tenant.connectors.find((c) => c.kind === kind)! };
}

function engine(file: string, kind: string, options: Partial<EngineOptions> = {}) {
  const { config, connector } = connectorOf(file, kind);
  const settings = {
    configFile: join(REPO, "examples", file),
    stateDir: join(work, "state"),
    cdktfOut: join(work, "cdktf.out"),
    ...options,
  };
  return engineOf(config, connector, settings)!;
}

const env = () => ({ ...process.env, PATH: FAKE_PATH, FAKE_ENGINE_LOG: log });

describe("CDKTF engine against a stand-in terraform on PATH", () => {
  const stackDir = () => join(work, "cdktf.out", "stacks", "contoso-azure");

  test("stand-in engine: deploy synthesizes the stack, runs init then apply there, and returns terraform output -json's values", async () => {
    const lines: string[] = [];
    const outputs = await engine("azure-only.yaml", "azure").deploy({
      env: env(),
      yes: true,
      parameters: { canary_var: CANARY },
      onOutput: (l) => lines.push(l),
    });
    const declared = JSON.parse(readFileSync(join(stackDir(), "cdk.tf.json"), "utf8")).output;
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(declared).sort());
    for (const name of Object.keys(declared)) expect(outputs[name]).toBe(`fake-${name}`);

    const recorded = calls();
    expect(recorded.map((c) => c.argv)).toEqual([
      ["version"],
      ["init", "-input=false", "-no-color"],
      ["apply", "-auto-approve", "-input=false", "-no-color"],
      ["version"],
      ["output", "-json", "-no-color"],
    ]);
    expect([1, 2, 4].map((i) => recorded[i].cwd)).toEqual([stackDir(), stackDir(), stackDir()]);
    // The parameter reached terraform as a variable, and is in no argument and no output line.
    expect(recorded[2].tfVars).toEqual(["TF_VAR_canary_var"]);
    expect(JSON.stringify(recorded)).not.toContain(CANARY);
    expect(lines).toContain("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
    // terraform output -json prints secrets in plain text: none of its stdout is handed on.
    expect(lines.join("\n")).not.toContain("fake-");
  }, 180_000);

  test.each(["deploy", "destroy"] as const)(
    "stand-in engine: %s applies only what was synthesized: a .tf.json planted in the stack's folder is gone, the folder 0700",
    async (action) => {
      // Another user's file in a folder the umask left open, as an earlier run under umask 000 made it.
      mkdirSync(stackDir(), { recursive: true });
      chmodSync(stackDir(), 0o777);
      const planted = { resource: { terraform_data: { x: { provisioner: { "local-exec": { command: "id" } } } } } };
      writeFileSync(join(stackDir(), "zz-planted.tf.json"), JSON.stringify(planted));
      const azure = engine("azure-only.yaml", "azure");
      await (action === "deploy" ? azure.deploy({ env: env(), yes: true }) : azure.destroy({ env: env(), yes: true }));
      const applied = calls().filter((c) => ["apply", "destroy"].includes(c.argv[0]));
      expect(applied.map((c) => [c.cwd, c.files])).toEqual([[stackDir(), ["cdk.tf.json"]]]);
      expect(readdirSync(stackDir())).toEqual(["cdk.tf.json"]);
      expect(statSync(stackDir()).mode & 0o777).toBe(0o700);
      // Only the applied stack's folder is there: the fresh synthesis folder is gone.
      expect(readdirSync(join(work, "cdktf.out"))).toEqual(["stacks"]);
    },
    180_000,
  );

  test("stand-in engine: destroy runs init then destroy -auto-approve in the synthesized stack", async () => {
    await engine("azure-only.yaml", "azure").destroy({ env: env(), yes: true });
    expect(calls().map((c) => c.argv)).toEqual([
      ["version"],
      ["init", "-input=false", "-no-color"],
      ["destroy", "-auto-approve", "-input=false", "-no-color"],
    ]);
  }, 180_000);

  test("stand-in engine: without --yes, apply runs without -auto-approve (Terraform then refuses to apply unasked)", async () => {
    await engine("azure-only.yaml", "azure").deploy({ env: env(), yes: false });
    expect(calls()[2].argv).toEqual(["apply", "-input=false", "-no-color"]);
  }, 180_000);

  test("stand-in engine: a failed apply rejects with Terraform's own error, without escape codes, and reads no outputs", async () => {
    const failing = { ...env(), FAKE_TERRAFORM_FAIL: "apply" };
    const deploy = engine("azure-only.yaml", "azure").deploy({ env: failing, yes: true });
    await expect(deploy).rejects.toThrow(
      /^terraform apply \(contoso-azure\) exited 1: Error: building AzureAD Client: could not acquire access token with provider/,
    );
    await deploy.catch((error: Error) => expect(error.message).not.toMatch(/\u001b|│|╷/));
    expect(calls().map((c) => c.argv[0])).toEqual(["version", "init", "apply"]);
  }, 180_000);

  test("stand-in engine: the preview is terraform plan -json (no -out, no lock) in a private folder; cdktf.out is untouched", async () => {
    const azure = engine("azure-only.yaml", "azure");
    const preview = await azure.preview("deploy", { env: env(), parameters: { canary_var: CANARY } });
    expect(preview.source).toBe("engine");
    expect(preview.note).toBe("terraform plan -json -input=false -lock=false -no-color");
    const declared = calls().find((c) => c.argv[0] === "plan")!;
    expect(declared.argv).toEqual(["plan", "-json", "-input=false", "-lock=false", "-no-color"]);
    expect(declared.argv.some((a) => a.startsWith("-out"))).toBe(false);
    expect(declared.tfVars).toEqual(["TF_VAR_canary_var"]);
    // Planned in a synthesis of its own, removed afterwards: not in the cdktf.out an apply uses.
    expect(declared.cwd.startsWith(join(work, "cdktf.out"))).toBe(false);
    expect(existsSync(declared.cwd)).toBe(false);
    expect(existsSync(join(work, "cdktf.out"))).toBe(false);
    expect(preview.resources).toContainEqual({
      address: "azuread_application.connector_application",
      type: "azuread_application",
      action: "create",
    });
    expect(JSON.stringify(preview)).not.toContain(CANARY);
  }, 180_000);

  test("stand-in engine: the destroy preview plans with -destroy", async () => {
    const preview = await engine("azure-only.yaml", "azure").preview("destroy", { env: env() });
    expect(calls().find((c) => c.argv[0] === "plan")!.argv).toContain("-destroy");
    expect(new Set(preview.resources.map((r) => r.action))).toEqual(new Set(["delete"]));
  }, 180_000);

  test("stand-in engine: when Terraform cannot plan, the preview lists the synthesized resources with its reason", async () => {
    const failing = {
      ...env(),
      FAKE_TERRAFORM_FAIL: "plan",
      FAKE_TERRAFORM_FAIL_MESSAGE: "No valid credential sources found",
    };
    const preview = await engine("azure-only.yaml", "azure").preview("deploy", { env: failing });
    expect(preview.source).toBe("synthesized");
    expect(preview.note).toBe(
      "terraform could not plan here: terraform plan (contoso-azure) exited 1: No valid credential sources found",
    );
    expect(preview.resources).toContainEqual({
      address: "azuread_application.connector_application",
      type: "azuread_application",
      action: "declared",
    });
  }, 180_000);

  test("stand-in engine: the synthesized preview runs no terraform at all", async () => {
    const preview = await engine("azure-only.yaml", "azure").preview("deploy", { env: env(), mode: "synthesized" });
    expect([preview.source, preview.note]).toEqual(["synthesized", "asked for the synthesized stack only"]);
    expect(calls().filter((c) => c.tool === "terraform" && c.argv[0] !== "version")).toEqual([]);
  }, 180_000);

  test("the dry run lists synth, init, apply and output in order", () => {
    const dir = stackDir();
    expect(engine("azure-only.yaml", "azure").describe("deploy")).toEqual([
      `cdktf synth (bin/cdktf-app.ts with ${join(REPO, "examples", "azure-only.yaml")}) -> ${dir}`,
      `terraform -chdir=${dir} init -input=false -no-color`,
      `terraform -chdir=${dir} apply -auto-approve -input=false -no-color`,
      `terraform -chdir=${dir} output -json -no-color`,
    ]);
  });
});

describe("Okta engine through the Pulumi Automation API against a stand-in pulumi on PATH", () => {
  test("stand-in engine: deploy creates the stack, runs up, and returns its outputs with the secret shown in memory only", async () => {
    process.env.PULUMI_CONFIG_PASSPHRASE = "stand-in-passphrase";
    const lines: string[] = [];
    const okta = engine("all-sources.yaml", "okta");
    expect(okta.missing()).toBeUndefined();
    const outputs = await okta.deploy({ env: env(), yes: true, onOutput: (l) => lines.push(l) });
    expect(outputs).toEqual({
      domain: "acme.okta.com",
      clientId: "0oa-stand-in",
      privateKeyPem: "-----BEGIN PRIVATE KEY-----\nstand-in\n-----END PRIVATE KEY-----\n",
      keyGeneration: "1",
    });
    const commands = calls().map((c) => c.argv.filter((a) => !a.startsWith("--client=")).join(" "));
    const upAt = commands.findIndex((c) => c.startsWith("up "));
    expect(commands[upAt]).toMatch(/^up --yes --skip-preview .*--exec-kind auto\.inline --stack acme-prod-okta/);
    // A first run: select fails (no such stack), so the Automation API creates it.
    expect(commands.slice(0, upAt).filter((c) => c.startsWith("stack "))).toEqual([
      "stack select --stack acme-prod-okta --non-interactive",
      "stack init acme-prod-okta --secrets-provider passphrase --non-interactive",
    ]);
    expect(commands.slice(upAt + 1)).toEqual(
      expect.arrayContaining([
        "stack output --json --stack acme-prod-okta --non-interactive",
        "stack output --json --show-secrets --stack acme-prod-okta --non-interactive",
      ]),
    );
    expect(lines).toContain("Updating (acme-prod-okta):");
    expect(lines.join("\n")).not.toContain("BEGIN PRIVATE KEY");
  }, 180_000);

  test("stand-in engine: a keySlots parameter is set in the stack's config before up; destroy runs pulumi destroy", async () => {
    process.env.PULUMI_CONFIG_PASSPHRASE = "stand-in-passphrase";
    const okta = engine("all-sources.yaml", "okta");
    const slots = { current: { generation: 1 }, next: { generation: 2, createdAt: "2026-11-23T00:00:00Z" } };
    await okta.deploy({ env: env(), yes: true, parameters: { keySlots: JSON.stringify(slots) } });
    const commands = calls().map((c) => c.argv.join(" "));
    const setAt = commands.findIndex((c) => c.startsWith("config set "));
    expect(commands[setAt]).toBe(
      `config set keySlots --stack acme-prod-okta --plaintext --non-interactive -- ${JSON.stringify(slots)}`,
    );
    expect(setAt).toBeLessThan(commands.findIndex((c) => c.startsWith("up ")));

    await okta.destroy({ env: env(), yes: true });
    expect(
      calls()
        .map((c) => c.argv.join(" "))
        .some((c) => /^destroy --yes --skip-preview .*--stack acme-prod-okta/.test(c)),
    ).toBe(true);
  }, 180_000);
});

describe("an engine CLI missing from PATH", () => {
  const empty = { PATH: "" };

  test("terraform: missing() names what to install; deploy throws it and synthesizes nothing", async () => {
    const azure = engine("azure-only.yaml", "azure", { env: empty });
    expect(azure.missing()).toMatch(
      /^neither terraform nor tofu is on PATH; install Terraform >= 1\.5 .* Nothing was changed\.$/,
    );
    await expect(azure.deploy({ env: empty, yes: true })).rejects.toBeInstanceOf(EngineMissingError);
    await expect(azure.destroy({ env: empty, yes: true })).rejects.toThrow(/neither terraform nor tofu/);
    expect(existsSync(join(work, "cdktf.out"))).toBe(false);
    expect(calls()).toEqual([]);
  });

  test("pulumi: missing() names what to install; deploy throws it and creates no state", async () => {
    const okta = engine("all-sources.yaml", "okta", { env: empty });
    expect(okta.missing()).toMatch(
      /^the pulumi CLI is not installed or not on PATH; install it from https:\/\/www\.pulumi\.com\/docs\/iac\/download-install\//,
    );
    await expect(okta.deploy({ env: empty, yes: true })).rejects.toBeInstanceOf(EngineMissingError);
    expect(existsSync(join(work, "state")) ? readdirSync(join(work, "state")) : []).toEqual([]);
    expect(calls()).toEqual([]);
  }, 60_000);

  test("engineResolver binds the config file: the engine of each stack kind, named like its stack", async () => {
    const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
    const resolve = await engineResolver(config);
    const tenant = buildPlan(config).tenants[0];
    const steps = inConfigOrder(tenant)
      .map((c) => resolve(c, tenant, config.dir)?.step)
      .filter(Boolean);
    expect(steps.map((s) => `${s!.engine} ${s!.stackName}`)).toEqual([
      "aws-cdk acme-prod-aws",
      "cdktf acme-prod-azure",
      "cdktf acme-prod-gcp",
      "pulumi acme-prod-okta",
      "cdktf acme-prod-pingone",
      "github-app-manifest acme-prod-github",
    ]);
  });

  test("registration-only kinds have no engine", () => {
    const { config, connector } = connectorOf("all-sources.yaml", "pra-cloud");
    expect(engineOf(config, connector, { configFile: "x.yaml" })).toBeUndefined();
  });
});
