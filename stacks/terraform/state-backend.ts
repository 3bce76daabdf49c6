import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";
import { resolve } from "node:path";
import { z } from "zod";
import { privateFile, privateStateDir, statePath } from "../../config/local-state";
import { InvalidConfigError } from "../../values/errors";
import { adoptLegacyState, legacyStatePath, stateToPreview } from "./legacy-state";

/**
 * `stateBackend` in cdktf.json's context (or CDKTF_CONTEXT_JSON): where the CDKTF
 * stacks keep their state. Absent: a local file per stack under `.state/terraform/`,
 * mode 0600 in a 0700 folder. `s3`: one object per stack in an S3 bucket, always
 * server-side encrypted, for CI (docs/security.md, "Terraform and Pulumi state").
 */
const stateBackendSetting = z
  .strictObject({
    s3: z.strictObject({
      bucket: z.string().min(1),
      region: z.string().min(1),
      keyPrefix: z.string().default("insights-connectors/"),
      kmsKeyId: z.string().min(1).optional(),
      dynamodbTable: z.string().min(1).optional(),
      profile: z.string().min(1).optional(),
      roleArn: z.string().min(1).optional(),
      encrypt: z
        .literal(true, { error: "must be true (or left out): Terraform state holds the connector secrets" })
        .optional(),
    }),
  })
  .optional();

/** Thrown by {@link addStateBackends} when the `stateBackend` context is invalid; the message names each field. */
export class StateBackendSettingError extends InvalidConfigError {}

/** Where a run finds state from before ff3f49e, and where it says it moved it. */
export interface LegacyStateOptions {
  /** The app's working folder, where cdktf kept `terraform.<stack>.tfstate`. @default process.cwd() */
  readonly workingFolder?: string;
  /** @default a line on stderr */
  readonly notice?: (line: string) => void;
  /**
   * A preview's synthesis (`up --dry-run`, `down` before `--yes`): nothing is moved or created. A
   * stack whose state is still at the legacy path reads it there, where the apply would move it from.
   */
  readonly readOnly?: boolean;
}

/**
 * Gives every stack its state backend; throws {@link StateBackendSettingError} for a bad setting.
 * State a stack kept where cdktf put it before ff3f49e is moved to the state folder, or the run stops
 * with a located {@link LegacyStateError} (stacks/terraform/legacy-state.ts): never an empty start.
 */
export function addStateBackends(
  stacks: readonly TerraformStack[],
  setting: unknown,
  legacy: LegacyStateOptions = {},
): void {
  const workingFolder = legacy.workingFolder ?? process.cwd();
  const notice = legacy.notice ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const parsed = stateBackendSetting.safeParse(setting);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `stateBackend.${i.path.join(".")}: ${i.message}`);
    throw new StateBackendSettingError(`invalid stateBackend context: ${issues.join("; ")}`);
  }
  const s3 = parsed.data?.s3;
  for (const stack of stacks) {
    const name = stack.node.id;
    const legacyPath = legacyStatePath(name, workingFolder);
    if (s3) {
      // Without a local path there is nothing to move: legacy state only stops the run, a preview's too.
      adoptLegacyState(name, legacyPath, undefined, notice);
      const { keyPrefix, encrypt: _alwaysOn, roleArn, ...rest } = s3;
      new S3Backend(stack, {
        ...rest,
        ...(roleArn ? { assumeRole: { roleArn } } : {}),
        key: `${keyPrefix}${name}.tfstate`,
        encrypt: true,
      });
    } else if (legacy.readOnly) {
      const path = resolve(statePath("terraform"), `${name}.tfstate`);
      new LocalBackend(stack, { path: stateToPreview(name, legacyPath, path) });
    } else {
      // cdktf's own default is terraform.<stack>.tfstate in the working folder: the repository root.
      const path = resolve(privateStateDir("terraform"), `${name}.tfstate`);
      adoptLegacyState(name, legacyPath, path, notice);
      privateFile(path);
      new LocalBackend(stack, { path });
    }
  }
}
