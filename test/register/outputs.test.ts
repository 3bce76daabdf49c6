import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { githubCredentialsSource, outputsFileSource, terraformOutputSource } from "../../register/outputs";
import { pathWithout } from "../helpers/cli";
import { requireTool } from "../helpers/require-tool";

describe("stack output sources", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "outputs-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("an outputs file in cdk deploy --outputs-file shape, or terraform output -json shape per stack", async () => {
    const file = join(dir, "outputs.json");
    writeFileSync(
      file,
      JSON.stringify({
        "acme-aws": { ARN: "arn:aws:iam::111111111111:role/X" },
        "acme-azure": { client_id: { value: "abc", sensitive: false } },
      }),
    );
    const source = outputsFileSource(file);
    expect(await source.outputs("acme-aws", "aws-cdk")).toEqual({ ARN: "arn:aws:iam::111111111111:role/X" });
    expect(await source.outputs("acme-azure", "cdktf")).toEqual({ client_id: "abc" });
    expect(await source.outputs("acme-gcp", "cdktf")).toBeUndefined();
  });

  test("GitHub: the credentials file create-app wrote, by stack name; refused when others can read it", async () => {
    const path = join(dir, "acme-github.json");
    writeFileSync(
      path,
      JSON.stringify({
        appId: 42,
        slug: "bt",
        pem: "-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----",
        installedAppUrl: "https://github.com/organizations/acme/settings/installations/7",
      }),
      { mode: 0o600 },
    );
    const source = githubCredentialsSource(dir);
    expect(await source.outputs("acme-github", "github-app-manifest")).toMatchObject({
      appId: "42",
      installedAppUrl: "https://github.com/organizations/acme/settings/installations/7",
    });
    expect(await source.outputs("acme-github", "cdktf")).toBeUndefined();
    writeFileSync(join(dir, "open-github.json"), "{}", { mode: 0o644 });
    await expect(source.outputs("open-github", "github-app-manifest")).rejects.toThrow(/readable by group or others/);
  });

  const terraform = requireTool("terraform", "reading CDKTF outputs with terraform output");
  terraform.test(`CDKTF: terraform output -json in the deployed stack's folder${terraform.note}`, async () => {
    // A deployed stack as cdktf leaves it: its JSON config, an initialized backend, a state with outputs.
    const stack = join(dir, "cdktf.out", "stacks", "acme-azure");
    mkdirSync(stack, { recursive: true });
    writeFileSync(
      join(stack, "cdk.tf.json"),
      JSON.stringify({ terraform: { backend: { local: { path: "state.tfstate" } } } }),
    );
    const state = {
      version: 4,
      terraform_version: "1.5.0",
      serial: 1,
      lineage: "6a1c0b1e-0000-4000-8000-00000000000b",
      outputs: {
        client_id: { value: "abc", type: "string" },
        client_secret: { value: "s3cret", type: "string", sensitive: true },
      },
      resources: [],
    };
    writeFileSync(join(stack, "state.tfstate"), JSON.stringify(state));
    expect(spawnSync("terraform", ["init", "-input=false"], { cwd: stack, encoding: "utf8" }).status).toBe(0);
    const source = terraformOutputSource(join(dir, "cdktf.out"));
    expect(await source.outputs("acme-azure", "cdktf")).toEqual({ client_id: "abc", client_secret: "s3cret" });
    expect(await source.outputs("acme-gcp", "cdktf")).toBeUndefined();
    expect(await source.outputs("acme-azure", "aws-cdk")).toBeUndefined();
  });
  terraform.test(
    `CDKTF, synthesized but never applied: terraform's whole error, no escape codes, and what to run${terraform.note}`,
    async () => {
      const stack = join(dir, "cdktf.out", "stacks", "acme-azure");
      mkdirSync(stack, { recursive: true });
      writeFileSync(
        join(stack, "cdk.tf.json"),
        JSON.stringify({ terraform: { backend: { local: { path: "state.tfstate" } } } }),
      );
      const failure = terraformOutputSource(join(dir, "cdktf.out")).outputs("acme-azure", "cdktf");
      await expect(failure).rejects.toThrow(
        /Error: Backend initialization required, please run "terraform init" Reason: Initial configuration/,
      );
      const message = await failure.catch((e: Error) => e.message);
      expect(message).not.toMatch(/[\u001b│╷╵]/);
      expect(message).toContain(`run \`terraform init\` in ${stack}, or \`cdktf deploy acme-azure\``);
    },
  );

  test("CDKTF with OpenTofu only: tofu output is used and its colored error comes out plain", async () => {
    const bin = join(dir, "bin");
    mkdirSync(bin);
    const script = [
      "#!/bin/sh",
      'test "$1" = version && exit 0',
      'echo "$@" > args.txt',
      "printf '\\033[31m╷\\033[0m\\n\\033[31m│\\033[0m \\033[1mError: \\033[0mRequired plugins are not installed\\n│\\n│ run tofu init\\n╵\\n' >&2",
      "exit 1",
    ];
    writeFileSync(join(bin, "tofu"), `${script.join("\n")}\n`, { mode: 0o755 });
    const stack = join(dir, "cdktf.out", "stacks", "acme-gcp");
    mkdirSync(stack, { recursive: true });
    writeFileSync(join(stack, "cdk.tf.json"), "{}");
    const path = process.env.PATH;
    process.env.PATH = [bin, pathWithout("terraform")].join(":");
    try {
      const message = await terraformOutputSource(join(dir, "cdktf.out"))
        .outputs("acme-gcp", "cdktf")
        .catch((e: Error) => e.message);
      expect(message).toBe(
        `tofu output failed in ${stack}: Error: Required plugins are not installed run tofu init (run \`tofu init\` in ${stack}, or \`cdktf deploy acme-gcp\` if it was never deployed)`,
      );
      expect(readFileSync(join(stack, "args.txt"), "utf8").trim()).toBe("output -json -no-color");
    } finally {
      process.env.PATH = path;
    }
  });
});
