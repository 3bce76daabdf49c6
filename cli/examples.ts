/** One example under a command's help: what it does, then the line to type. */
export interface Example {
  readonly does: string;
  /** The command line after `insights-connectors`, as a POSIX shell reads it. */
  readonly line: string;
}

const CONFIG = "--config tenants.yaml";
const TENANT = "--tenant acme-prod";
const PAM = "--config examples/pra-privileged-identity.yaml --tenant acme-pam";
const JOE = "--user joe.user@acme-inc.com";
const EXPLAIN_RDP = `ecm explain ${PAM} ${JOE} --item-type rdp --host srv01.acme-inc.com --accounts accounts.json`;

/**
 * Two examples (or more) for every command and command group, keyed by the path a user types
 * (`github create-app`; "" is the program). `tenants.yaml` is what `init` writes, for the
 * tenant `acme-prod` the examples in examples/ use too. test/cli/help-examples.test.ts parses
 * each line with the real program, so an example never names an option that does not exist.
 */
export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  "": [
    {
      does: "write a starter config for AWS and Okta (tenants.yaml)",
      line: "init --kinds aws,okta --tenant acme-prod",
    },
    { does: "see what it provisions and grants: reads no secret, contacts nothing", line: `plan ${CONFIG}` },
    {
      does: "try the registration with no cloud and no secret (after `insights-connectors emulator`)",
      line: "register --config examples/all-sources.yaml --emulator http://127.0.0.1:8080 --synthetic-outputs",
    },
  ],
  init: [
    { does: "a starter config for AWS and Okta, in tenants.yaml", line: "init --kinds aws,okta --tenant acme-prod" },
    {
      does: "in a folder of its own, created when missing",
      line: "init --kinds azure,gcp --tenant acme-prod --out tenants/acme.yaml",
    },
  ],
  "gate-report": [
    {
      does: "what a pull request's gate posts, from a diff and its exit code (examples/ci/permission-diff.yml)",
      line: "gate-report --diff gate/diff.json --exit-code 3 --out-dir gate --config-in-repo tenants.yaml",
    },
    {
      does: "the same, linking a cut comment to the run and naming the base commit that judged it",
      line:
        "gate-report --diff gate/diff.json --exit-code 0 --out-dir gate --config-in-repo tenants.yaml" +
        " --run-url https://github.com/acme/infra/actions/runs/1 --judged-at 0123456789abcdef0123456789abcdef01234567",
    },
  ],
  plan: [
    { does: "every tenant's connectors, their grants and where each comes from", line: `plan ${CONFIG}` },
    {
      does: "the plan file a later `diff --base` compares with",
      line: `plan ${CONFIG} --format json > base-plan.json`,
    },
  ],
  diff: [
    {
      does: "what a change grants compared with main's plan (exit 3 on an escalation)",
      line: `diff ${CONFIG} --base main`,
    },
    {
      does: "the same as a pull-request comment, against a saved plan",
      line: `diff ${CONFIG} --base base-plan.json --format markdown`,
    },
  ],
  okta: [
    { does: "what Pulumi would change in Okta, changing nothing", line: `okta preview ${CONFIG}` },
    { does: "provision one tenant's Okta apps", line: `okta up ${CONFIG} ${TENANT}` },
  ],
  github: [
    {
      does: "create the GitHub App in a browser and wait for its installation",
      line: `github create-app ${CONFIG} ${TENANT}`,
    },
    { does: "compare an installed app's permissions with the catalog", line: `github verify ${CONFIG} ${TENANT}` },
  ],
  "github create-app": [
    {
      does: "create the app from the catalog's manifest, wait for an owner to install it",
      line: `github create-app ${CONFIG} ${TENANT}`,
    },
    {
      does: "give the organization owner half an hour",
      line: `github create-app ${CONFIG} ${TENANT} --install-timeout 1800`,
    },
  ],
  "github resume": [
    { does: "pick up an installation wait that ran out", line: `github resume ${CONFIG} ${TENANT}` },
    {
      does: "when the tenant has several github connectors, name one",
      line: `github resume ${CONFIG} ${TENANT} --connector "Acme GitHub"`,
    },
  ],
  "github verify": [
    {
      does: "the installed app's permissions against the catalog (exit 3 on drift)",
      line: `github verify ${CONFIG} ${TENANT}`,
    },
    { does: "the same for a CI job", line: `github verify ${CONFIG} ${TENANT} --json` },
  ],
  register: [
    {
      does: "try it with no cloud and no secret: start `insights-connectors emulator` in another terminal, then",
      line: "register --config examples/all-sources.yaml --emulator http://127.0.0.1:8080 --synthetic-outputs",
    },
    { does: "what would change in Insights, changing nothing", line: `register ${CONFIG} --dry-run` },
    {
      does: "register with the outputs `cdk deploy --outputs-file` wrote",
      line: `register ${CONFIG} --outputs cdk-outputs.json`,
    },
  ],
  status: [
    { does: "each tenant's configured connectors and credentials' ages", line: `status ${CONFIG}` },
    { does: "one tenant, for a script", line: `status ${CONFIG} ${TENANT} --json` },
  ],
  verify: [
    { does: "read every deployed connector's grants back and compare them with the catalog", line: `verify ${CONFIG}` },
    {
      does: "only AWS and GCP, as an issue body for a scheduled job",
      line: `verify ${CONFIG} --kind aws gcp --format markdown`,
    },
  ],
  sheet: [
    { does: "a step-by-step sheet per connector, for the console by hand", line: `sheet ${CONFIG} ${TENANT}` },
    { does: "into a folder of your choice", line: `sheet ${CONFIG} ${TENANT} --dir sheets` },
  ],
  ecm: [
    { does: "on the ECM server: can it reach the B Series appliance and PI?", line: `ecm check-network ${PAM}` },
    { does: "which PI credentials a console user would get for an RDP Jump Item, and why", line: EXPLAIN_RDP },
  ],
  "ecm check-network": [
    {
      does: "run on the ECM server: TCP and TLS to the B Series appliance and the PI web service",
      line: `ecm check-network ${PAM}`,
    },
    {
      does: "with the internal CA that signs the PI web service's certificate",
      line: `ecm check-network ${PAM} --ca internal-ca.pem`,
    },
  ],
  "ecm explain": [
    { does: "what Test Settings would look up for joe.user and an RDP Jump Item", line: EXPLAIN_RDP },
    {
      does: "the same for a Web Jump Item",
      line: `ecm explain ${PAM} ${JOE} --item-type web --url https://intranet.acme-inc.com --accounts accounts.json`,
    },
  ],
  connector: [
    {
      does: "turn a registered connector off (Connector Settings > Turn Off)",
      line: `connector off ${CONFIG} ${TENANT} --kind okta --name "Acme Okta"`,
    },
    {
      does: "delete it from Insights, with its data collection",
      line: `connector delete ${CONFIG} ${TENANT} --kind okta --name "Acme Okta" --yes`,
    },
  ],
  emulator: [
    { does: "a local Insights API on http://127.0.0.1:8080 (Ctrl-C stops it)", line: "emulator" },
    {
      does: "one call in ten refused with 429, to watch retries",
      line: "emulator --port 9090 --fault-429 0.1 --seed 7",
    },
  ],
  schema: [
    { does: "the JSON Schema editors use for hovers and completion", line: "schema > tenant-config.schema.json" },
    { does: "every config field as a Markdown reference", line: "schema --format markdown" },
  ],
  up: [
    {
      does: "what up would deploy and register for one tenant, changing nothing",
      line: `up ${CONFIG} ${TENANT} --dry-run`,
    },
    { does: "deploy its stacks and register its connectors", line: `up ${CONFIG} ${TENANT} --yes` },
  ],
  down: [
    {
      does: "offboard a tenant: its connectors out of Insights, its stacks destroyed",
      line: `down ${CONFIG} ${TENANT} --yes`,
    },
    { does: "the same, with what was removed and what is left as JSON", line: `down ${CONFIG} ${TENANT} --yes --json` },
  ],
  tenants: [
    { does: "the config's tenant names, one a line", line: `tenants ${CONFIG}` },
    { does: "as a one-line JSON array for a CI matrix", line: `tenants ${CONFIG} --json` },
  ],
};

/** The "Examples:" section of a command's help, or "" when it has none. */
export function examplesHelp(path: string): string {
  const examples = EXAMPLES[path];
  if (!examples?.length) return "";
  const lines = examples.flatMap(({ does, line }) => [`  # ${does}`, `  $ insights-connectors ${line}`]);
  return `\nExamples:\n${lines.join("\n")}`; // commander ends it with a line break
}
