import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writePrivateFile } from "../values/state-files";
import type { OutputSource, StackOutputs } from "./outputs";

/**
 * Plausible outputs for any stack, for the demo, the benchmark and tests against the
 * emulator: valid ARNs, GUIDs, PEM keys and a parseable GCP key, derived from the stack
 * name so re-runs produce the same values. Never used against a real Insights tenant.
 */
export function syntheticOutputSource(keyCache?: string): OutputSource {
  let keyPem: string | undefined;
  const key = () => (keyPem ??= syntheticKey(keyCache));
  return {
    description: "synthetic outputs (demo)",
    async outputs(stackName) {
      const hash = createHash("sha256").update(stackName).digest("hex");
      const guid = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
      const digits = BigInt(`0x${hash.slice(0, 12)}`)
        .toString()
        .padStart(12, "0")
        .slice(0, 12);
      const outputs: StackOutputs = {
        ARN: `arn:aws:iam::${digits}:role/BeyondTrustInsightsReadOnly`,
        directory_name: `${stackName.split("-")[0]}.onmicrosoft.com`,
        client_id: guid,
        client_secret: `synthetic-${hash.slice(32, 64)}`,
        service_account_key: JSON.stringify({
          type: "service_account",
          project_id: "bt-insights-connector",
          private_key_id: hash.slice(0, 40),
          private_key: key(),
          client_email: `bt-insights-connector@bt-insights-connector.iam.gserviceaccount.com`,
          client_id: digits,
        }),
        clientId: `0oa${hash.slice(0, 17)}`,
        privateKeyPem: key(),
        appId: String(parseInt(hash.slice(0, 6), 16)),
        pem: key(),
        installedAppUrl: `https://github.com/organizations/${stackName.split("-")[0]}/settings/installations/${parseInt(hash.slice(6, 12), 16)}`,
      };
      return outputs;
    },
  };
}

/**
 * One RSA key for every synthetic PEM. Kept in `keyCache` (0600) when given, so runs
 * agree on it and a re-run is a no-op; Node cannot derive a key from a seed.
 */
function syntheticKey(keyCache: string | undefined): string {
  if (keyCache && existsSync(keyCache)) return readFileSync(keyCache, "utf8");
  const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  if (keyCache) writePrivateFile(keyCache, pem);
  return pem;
}

/**
 * The environment for a run on synthetic outputs: each `env:` secret the config references
 * (`names`) that is not set gets a made-up value, so the emulator try path needs nothing set
 * (what `npm run demo` did for itself). A variable that is set keeps its value.
 */
export function withSyntheticSecrets(env: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const unset = names.filter((name) => env[name] === undefined);
  return { ...env, ...Object.fromEntries(unset.map((name) => [name, `synthetic-${name.toLowerCase()}`])) };
}
