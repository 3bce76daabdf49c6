import { describeSecret, pairs, type SecretRule } from "./secrets";

/**
 * `secret-reference-changed`: a field that reads its secret from another reference than the base
 * (`env:PRA_CLIENT_SECRET` → `file:../../root/.aws/credentials`, a client ID moved to
 * `env:AWS_SECRET_ACCESS_KEY`). A new secret with no destination is judged here too, so nothing
 * new passes unseen; one with destinations is judged by `secret-destination-host`.
 */
export const secretReferenceChanged: SecretRule = (sides) =>
  pairs(sides).flatMap(({ head, base }) => {
    if (base?.reference === head.reference || (!base && head.destinations.length)) return [];
    return [
      {
        rule: "secret-reference-changed",
        message: base
          ? `reads ${head.field} from ${head.reference} (was ${base.reference})`
          : `uses a new secret ${describeSecret(head)}`,
        basePath: base?.configPath ?? sides.basePath,
        headPath: head.configPath ?? sides.headPath,
      },
    ];
  });
