import { describeSecret, pairs, type SecretRule } from "./secrets";

/**
 * `secret-destination-host`: a secret sent to a host the base did not send it to (the Insights
 * URL or site moved, an Okta domain, a GitHub API URL, a PingOne region or environment). A secret
 * the base did not have, or a base plan from before destinations were recorded, has no allowed host.
 */
export const secretDestinationHost: SecretRule = (sides) =>
  pairs(sides).flatMap(({ head, base }) => {
    const allowed = new Set((base?.destinations ?? []).map((d) => d.host));
    const added = head.destinations.filter((d) => !allowed.has(d.host));
    if (!added.length) return [];
    const first = added[0];
    const hosts = [...new Set(added.map((d) => d.host))];
    const before = base?.destinations.find((d) => d.by === first.by);
    return [
      {
        rule: "secret-destination-host",
        message: `sends ${describeSecret(head)} to ${hosts.length > 1 ? "new hosts" : "a new host"} ${hosts.join(", ")}`,
        basePath: before?.configPath ?? base?.configPath ?? sides.basePath,
        headPath: first.configPath ?? head.configPath ?? sides.headPath,
      },
    ];
  });
