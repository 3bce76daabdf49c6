import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";
import { resolve } from "node:path";
import { z } from "zod";
import { privateFile, privateStateDir } from "../../config/local-state";
import { InvalidConfigError } from "../../values/errors";

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

/** Gives every stack its state backend; throws {@link StateBackendSettingError} for a bad setting. */
export function addStateBackends(stacks: readonly TerraformStack[], setting: unknown): void {
  const parsed = stateBackendSetting.safeParse(setting);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `stateBackend.${i.path.join(".")}: ${i.message}`);
    throw new StateBackendSettingError(`invalid stateBackend context: ${issues.join("; ")}`);
  }
  const s3 = parsed.data?.s3;
  for (const stack of stacks) {
    const name = stack.node.id;
    if (s3) {
      const { keyPrefix, encrypt: _alwaysOn, roleArn, ...rest } = s3;
      new S3Backend(stack, {
        ...rest,
        ...(roleArn ? { assumeRole: { roleArn } } : {}),
        key: `${keyPrefix}${name}.tfstate`,
        encrypt: true,
      });
    } else {
      // cdktf's own default is terraform.<stack>.tfstate in the working folder: the repository root.
      const path = resolve(privateStateDir("terraform"), `${name}.tfstate`);
      privateFile(path);
      new LocalBackend(stack, { path });
    }
  }
}
