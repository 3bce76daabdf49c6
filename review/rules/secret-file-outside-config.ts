import { describeSecret, type SecretRule } from "./secrets";

/**
 * `secret-file-outside-config`: a `file:` secret that leads outside the config's folder, by `..`,
 * an absolute path or a symlink. `register` would post any owner-only file the runner can read
 * (up to 64 KiB) as the secret, so every such reference needs an approval, however old.
 */
export const secretFileOutsideConfig: SecretRule = (sides) =>
  (sides.head ?? [])
    .filter((secret) => secret.outsideConfigFolder)
    .map((secret) => ({
      rule: "secret-file-outside-config",
      message: `reads ${describeSecret(secret)} from outside the config's folder`,
      basePath: sides.base?.find((b) => b.field === secret.field)?.configPath ?? sides.basePath,
      headPath: secret.configPath ?? sides.headPath,
    }));
