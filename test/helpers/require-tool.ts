import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

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

/** Every outside tool a test needs: one probe each, so no two tests decide "installed" differently. */
export const TOOLS = {
  terraform: {
    probe: runs("terraform", "version"),
    install: "install Terraform >= 1.5, or OpenTofu as `terraform`",
    optionalInCi: "Terraform is in neither the npm registry nor Debian's packages, so CI may not have it",
  },
  "cfn-lint": { probe: runs("cfn-lint", "--version"), install: "pip install cfn-lint" },
  chromium: { probe: () => existsSync(CHROMIUM), install: "apt-get install -y chromium (.ci/run does this)" },
  openssl: { probe: runs("openssl", "version"), install: "apt-get install -y openssl" },
  moto: { probe: runs("python3", "-c", "import moto.server"), install: "pip install 'moto[server]'" },
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
