import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import {
  configReferenceMarkdown,
  REFERENCE_FILE,
  SCHEMA_FILE,
  tenantConfigJsonSchema,
} from "../../cli/config-reference";
import { KIND_NAMES } from "../../connectors/catalog";
import { REPO, runCli } from "../helpers/cli";

const EXAMPLES = readdirSync(join(REPO, "examples")).filter((f) => f.endsWith(".yaml"));

describe("config reference and JSON Schema (docs/)", () => {
  test("the committed copies are what the schemas generate today (run `npm run docs` after a schema change)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(`${JSON.stringify(tenantConfigJsonSchema(), null, 2)}\n`);
    expect(readFileSync(REFERENCE_FILE, "utf8")).toBe(configReferenceMarkdown());
  });

  test("`schema` prints the JSON Schema; every example validates against it; a typo in a field name or an address that is not IPv4 does not", async () => {
    const run = await runCli("schema");
    expect(run.code).toBe(0);
    // With the formats an editor's validator knows (ipv4, uri, …), as the schema declares them
    // (without them Ajv warns that it ignores `format`).
    const validate = addFormats(new Ajv2020({ strict: false })).compile(JSON.parse(run.stdout));
    for (const file of EXAMPLES) {
      const config = parse(readFileSync(join(REPO, "examples", file), "utf8"));
      expect([file, validate(config), validate.errors]).toEqual([file, true, null]);
    }
    const typo = parse(readFileSync(join(REPO, "examples", "aws-single-account.yaml"), "utf8"));
    typo.tenants[0].connectors[0].managmentAccountId = typo.tenants[0].connectors[0].managementAccountId;
    expect(validate(typo)).toBe(false);
    const badAddress = parse(readFileSync(join(REPO, "examples", "all-sources.yaml"), "utf8"));
    const onprem = badAddress.tenants[0].connectors.find((c: { kind: string }) => c.kind === "password-safe-onprem");
    onprem.collectorAddress = "10.0.0.30";
    expect(validate(badAddress)).toBe(true);
    onprem.collectorAddress = "10.0.0.300";
    expect(validate(badAddress)).toBe(false);
    const at = badAddress.tenants[0].connectors.indexOf(onprem);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(`/tenants/0/connectors/${at}/collectorAddress`);
  });

  test("every example starts with the yaml-language-server line pointing at the committed schema", () => {
    for (const file of EXAMPLES) {
      const first = readFileSync(join(REPO, "examples", file), "utf8").split("\n")[0];
      expect([file, first]).toEqual([file, "# yaml-language-server: $schema=../docs/tenant-config.schema.json"]);
      expect(existsSync(join(REPO, "examples", "../docs/tenant-config.schema.json"))).toBe(true);
    }
  });

  test("the reference has every kind with an example, and says what managementAccountId is for a single account", () => {
    const reference = readFileSync(REFERENCE_FILE, "utf8");
    for (const kind of KIND_NAMES) expect(reference).toContain(`## \`${kind}\``);
    expect(reference).toMatch(/`managementAccountId` \| yes \|.*for a single account, it is that account's own ID/);
  });
});

describe("init", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "init-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("--kinds aws,azure,okta writes a commented starter that plan accepts as written", async () => {
    const out = join(dir, "tenants.yaml");
    const init = await runCli("init", "--kinds", "aws,azure,okta", "--out", out);
    expect(init.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\S+docs\/tenant-config\.schema\.json$/);
    expect(parse(text).tenants[0].connectors.map((c: { kind: string }) => c.kind)).toEqual(["aws", "azure", "okta"]);
    // The whole plan, stacks synthesized and their grants checked against the catalog.
    const plan = await runCli("plan", "--config", out, "--format", "json");
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).tenants[0].connectors).toHaveLength(3);
  });

  test("every kind alone makes a starter that plan accepts", async () => {
    for (const kind of KIND_NAMES) {
      const out = join(dir, `${kind}.yaml`);
      expect([kind, (await runCli("init", "--kinds", kind, "--out", out)).code]).toEqual([kind, 0]);
      expect([kind, (await runCli("plan", "--config", out, "--no-extract", "--format", "json")).code]).toEqual([
        kind,
        0,
      ]);
    }
  });

  test("refuses to overwrite (exit 2, file untouched) and refuses unknown kinds (exit 2)", async () => {
    const out = join(dir, "tenants.yaml");
    writeFileSync(out, "mine\n");
    const again = await runCli("init", "--kinds", "aws", "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    const unknown = await runCli("init", "--kinds", "aws,azuer", "--out", join(dir, "new.yaml"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown azuer; choose from: aws, azure/);
    expect(existsSync(join(dir, "new.yaml"))).toBe(false);
  });
});
