import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Debian's chromium, which `.ci/run` installs and playwright-core drives. */
export const CHROMIUM = "/usr/bin/chromium";

const runs =
  (command: string, ...args: string[]) =>
  () =>
    spawnSync(command, args, { stdio: "ignore", timeout: 30_000 }).status === 0;

interface Tool {
  /** Whether the tool works on this machine. */
  readonly probe: () => boolean;
  /** What to install, said in the skip line. */
  readonly install: string;
  /**
   * Why a CI run may go without it; absent means CI must have it. CI reaches only the npm
   * registry and Debian's packages, so a tool from neither cannot be required there.
   */
  readonly optionalInCi?: string;
}

/**
 * The native terminal module the archived cdktf CLI 0.21 loads before it synthesizes: a prebuilt
 * binary for this Node's ABI, or one compiled by its install script (which npm 11 runs only when
 * allowed). Its prebuilds stop at ABI 127, Node 22 (@cdktf/node-pty-prebuilt-multiarch 0.10.2,
 * lib/prebuild-file-path.js and prebuilds/), so on Node 24 (ABI 137) `cdktf synth` cannot start.
 */
function cdktfCliLoads(): boolean {
  const pty = join(__dirname, "..", "..", "node_modules", "@cdktf", "node-pty-prebuilt-multiarch");
  const prebuild = join(
    pty,
    "prebuilds",
    `${process.platform}-${process.arch}`,
    `node.abi${process.versions.modules}.node`,
  );
  return existsSync(prebuild) || existsSync(join(pty, "build", "Release", "pty.node"));
}

/** Every outside tool a test needs: one probe each, so no two tests decide "installed" differently. */
export const TOOLS = {
  terraform: {
    probe: runs("terraform", "version"),
    install: "install Terraform >= 1.5, or OpenTofu as `terraform`",
    optionalInCi: "Terraform is in neither the npm registry nor Debian's packages, so CI may not have it",
  },
  "cfn-lint": { probe: runs("cfn-lint", "--version"), install: "pip install cfn-lint" },
  chromium: { probe: () => existsSync(CHROMIUM), install: "apt-get install -y chromium (.ci/run does this)" },
  "cdktf-cli": {
    probe: cdktfCliLoads,
    install: "run it on Node 22: the archived cdktf CLI 0.21 has no native terminal module for a newer Node",
    optionalInCi: "CI runs jest on Node 24 too, where cdktf CLI 0.21 cannot start; `up` and `plan` do not use it",
  },
  openssl: { probe: runs("openssl", "version"), install: "apt-get install -y openssl" },
  moto: { probe: runs("python3", "-c", "import moto.server"), install: "pip install 'moto[server]'" },
  // util-linux's script(1) gives a command a real pseudo-terminal; Debian ships it in bsdutils (essential).
  script: { probe: runs("script", "--version"), install: "apt-get install -y bsdutils (util-linux's script)" },
  "network namespace": {
    probe: runs("unshare", "-n", "sh", "-c", "ip link set lo up"),
    install: "run as root, with util-linux's unshare and iproute2's ip (apt-get install -y util-linux iproute2)",
    optionalInCi: "a container may refuse new namespaces even to root; the commands then run with the network",
  },
  jq: {
    probe: runs("jq", "--version"),
    install: "apt-get install -y jq",
    optionalInCi: "jq only stands in for gh's --jq when the example workflow's file filter is run here",
  },
} as const satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

export interface RequiredTool {
  readonly available: boolean;
  /** jest's `describe`, or `describe.skip` when the tool is missing. */
  readonly describe: jest.Describe;
  /** jest's `test`, or `test.skip` when the tool is missing (`.each` works on both). */
  readonly test: jest.It;
  /** Appended to a title: empty, or " [SKIPPED: <tool> missing]". */
  readonly note: string;
}

const probed = new Map<ToolName, boolean>();

/** `.ci/run` runs with CI=true; CI=false or 0 is a local run. */
const onCi = () => !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);

/**
 * Whether `tool` can run the tests that need it (`neededFor` names them). Missing locally: a
 * visible SKIPPED line with what to install, and the tests skip. Missing when `CI` is set: an
 * error, so a CI run never passes by skipping, unless the tool cannot exist there (`optionalInCi`).
 * `probe` replaces the tool's own (its tests use it); each tool is otherwise probed once per file.
 */
export function requireTool(tool: ToolName, neededFor: string, probe?: () => boolean): RequiredTool {
  const available = probe ? probe() : (probed.get(tool) ?? probed.set(tool, TOOLS[tool].probe()).get(tool)!);
  if (!available) {
    const spec: Tool = TOOLS[tool];
    if (onCi() && !spec.optionalInCi) {
      throw new Error(`${tool} is required when CI is set (${neededFor}): ${spec.install}`);
    }
    const why = onCi() ? `; allowed on CI: ${spec.optionalInCi}` : "";
    console.warn(`SKIPPED ${neededFor}: ${tool} is not available (${spec.install})${why}`);
  }
  return {
    available,
    describe: available ? describe : describe.skip,
    test: available ? test : test.skip,
    note: available ? "" : ` [SKIPPED: ${tool} missing]`,
  };
}
