import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { requireEngineCli, EngineMissingError } from "../providers/engines/engine-cli";
import { EngineRunError, runEngine } from "../providers/engines/run-engine";
import { missingTerraform, terraformCommand, TERRAFORM_INSTALL } from "../providers/engines/terraform";
import { readCredentialsFile } from "../providers/github/credentials-file";

/** A stack's outputs by name; the registration stage wraps the secret ones before use. Held in memory only. */
export type StackOutputs = Record<string, string>;

/** Where a stack's outputs are read from. `undefined` means "not mine / not deployed". */
export interface OutputSource {
  readonly description: string;
  outputs(stackName: string, engine: string): Promise<StackOutputs | undefined>;
}

/**
 * A JSON file of `{ "<stack>": { "<output>": value } }`: what `cdk deploy --outputs-file`
 * writes, and also accepts `terraform output -json`'s `{ "<output>": { "value": … } }` per stack.
 */
export function outputsFileSource(path: string): OutputSource {
  let file: Record<string, Record<string, unknown>>;
  try {
    file = JSON.parse(readFileSync(path, "utf8")) as Record<string, Record<string, unknown>>;
  } catch (error) {
    // JSON.parse quotes the text it choked on, and this file holds stack outputs (secrets): say less.
    if (error instanceof SyntaxError)
      // eslint-disable-next-line preserve-caught-error -- the cause quotes the file's text, which holds secrets
      throw new Error(`outputs file ${path} is not valid JSON (its content is not shown)`);
    throw error;
  }
  return {
    description: `outputs file ${path}`,
    async outputs(stackName) {
      const stack = file[stackName];
      return stack ? flattenOutputs(stack) : undefined;
    },
  };
}

function flattenOutputs(stack: Record<string, unknown>): StackOutputs {
  return Object.fromEntries(
    Object.entries(stack).map(([key, value]) => [
      key,
      typeof value === "object" && value !== null && "value" in value
        ? String((value as { value: unknown }).value)
        : String(value),
    ]),
  );
}

/** CDKTF stacks: `terraform output -json` (or OpenTofu's `tofu output -json`) in the stack's synthesized folder. */
export function terraformOutputSource(cdktfOut: string, env: NodeJS.ProcessEnv = process.env): OutputSource {
  return {
    description: `terraform output in ${cdktfOut}/stacks/<stack>`,
    async outputs(stackName, engine) {
      if (engine !== "cdktf") return undefined;
      const dir = join(cdktfOut, "stacks", stackName);
      if (!existsSync(join(dir, "cdk.tf.json"))) return undefined;
      const tool = terraformCommand(env);
      if (!tool) throw new EngineMissingError(`${missingTerraform(env)} (to read the stack's outputs)`);
      let stdout: string;
      try {
        // Bounded like every engine run: a deadline, capped output, and stdout (the secrets) never echoed.
        ({ stdout } = await runEngine(tool, ["output", "-json", "-no-color"], {
          cwd: dir,
          env: { ...env, TF_IN_AUTOMATION: "1" },
          install: TERRAFORM_INSTALL,
          timeoutMs: OUTPUT_TIMEOUT_MS,
          secretStdout: true,
          label: `${tool} output`,
        }));
      } catch (error) {
        // Terraform's own failure gets its readable form and next step; a deadline or a kill keeps the runner's words.
        if (error instanceof EngineRunError && error.message.startsWith(`${tool} output exited `))
          throw new Error(terraformFailure(tool, dir, stackName, error.stderr), { cause: error });
        throw error;
      }
      const parsed = JSON.parse(stdout || "{}") as Record<string, unknown>;
      return Object.keys(parsed).length ? flattenOutputs(parsed) : undefined;
    },
  };
}

/** `terraform output` reads local or remote state only: minutes would mean a hung backend. */
const OUTPUT_TIMEOUT_MS = 5 * 60_000;

/**
 * Terraform's own error, readable in a table or JSON: its `Error:` block (warnings such as a
 * missing ~/.terraformrc dropped) without escape codes or box drawing, and what to run next.
 */
export function terraformFailure(tool: string, dir: string, stackName: string, stderr: string): string {
  const lines = stripVTControlCharacters(stderr)
    .split("\n")
    .map((l) => l.replace(/^[\s│╷╵]+/, "").trim());
  const start = lines.findIndex((l) => l.startsWith("Error:"));
  const message =
    (start >= 0 ? lines.slice(start) : lines).filter(Boolean).join(" ").replace(/\s+/g, " ") || "no message";
  const needsInit =
    /terraform init|tofu init|Backend initialization required|Required plugins are not installed|not installed|lock file/i.test(
      message,
    );
  const next = needsInit
    ? `run \`${tool} init\` in ${dir}, or \`cdktf deploy ${stackName}\` if it was never deployed`
    : `check the stack's state, or run \`cdktf deploy ${stackName}\``;
  return `${tool} output failed in ${dir}: ${message} (${next})`;
}

/** GitHub: the credentials file `github create-app --out` wrote, by convention `<dir>/<stack>.json`. */
export function githubCredentialsSource(dir: string): OutputSource {
  return {
    description: `GitHub App credentials in ${dir}/<stack>.json`,
    async outputs(stackName, engine) {
      if (engine !== "github-app-manifest") return undefined;
      const path = join(dir, `${stackName}.json`);
      if (!existsSync(path)) return undefined;
      const credentials = readCredentialsFile(path);
      if (!credentials.installedAppUrl) {
        throw new Error(
          `${path} has no installedAppUrl: the app is not installed on the organization yet (or create-app stopped waiting). ` +
            "Install it, then run insights-connectors github resume to complete the file",
        );
      }
      return {
        appId: String(credentials.appId),
        pem: credentials.pem.reveal(),
        installedAppUrl: credentials.installedAppUrl,
      };
    },
  };
}

/** Okta: the Pulumi stack's outputs through the Automation API (secrets decrypted in memory). */
export function pulumiOutputSource(stateDir: string): OutputSource {
  return {
    description: `Pulumi stacks in ${stateDir}`,
    async outputs(stackName, engine) {
      if (engine !== "pulumi") return undefined;
      try {
        requireEngineCli(
          "pulumi",
          ["version"],
          "install it from https://www.pulumi.com/docs/iac/download-install/ to read the Okta stack's outputs",
        );
      } catch (error) {
        if (error instanceof EngineMissingError) return undefined;
        throw error;
      }
      const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
      const backend = `file://${stateDir}`;
      const stack = await LocalWorkspace.selectStack(
        { stackName, workDir: join(stateDir, "workspace") },
        { envVars: { PULUMI_BACKEND_URL: backend } },
      ).catch(() => undefined);
      if (!stack) return undefined;
      const outputs = await stack.outputs();
      return Object.fromEntries(Object.entries(outputs).map(([key, { value }]) => [key, String(value)]));
    },
  };
}

/** The first source that knows the stack wins. */
export async function firstOutputs(
  sources: readonly OutputSource[],
  stackName: string,
  engine: string,
): Promise<StackOutputs | undefined> {
  for (const source of sources) {
    const found = await source.outputs(stackName, engine);
    if (found) return found;
  }
  return undefined;
}

/**
 * AWS: the deployed CDK stack's CloudFormation outputs (DescribeStacks), with the AWS
 * credentials and region of the environment; opt-in (`register --from-cloudformation`)
 * so a register run never reaches for AWS unasked.
 */
export function cloudFormationOutputSource(): OutputSource {
  return {
    description: "CloudFormation DescribeStacks",
    async outputs(stackName, engine) {
      if (engine !== "aws-cdk") return undefined;
      // The SDK warns on every Node below 22 that its 2027 releases will need 22; CI tests this
      // tool on the Node versions `engines` names, so the notice is noise in a register run.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      const { CloudFormationClient, DescribeStacksCommand } = await import("@aws-sdk/client-cloudformation");
      const client = new CloudFormationClient({});
      try {
        const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
        const outputs = Stacks?.[0]?.Outputs ?? [];
        return outputs.length
          ? Object.fromEntries(outputs.map((o) => [o.OutputKey ?? "", o.OutputValue ?? ""]))
          : undefined;
      } catch (error) {
        // CloudFormation says "Stack with id X does not exist" as a ValidationError: not deployed yet.
        if ((error as { name?: string }).name === "ValidationError" && /does not exist/.test((error as Error).message))
          return undefined;
        throw new Error(`CloudFormation DescribeStacks ${stackName}: ${(error as Error).message}`, { cause: error });
      } finally {
        client.destroy();
      }
    },
  };
}
