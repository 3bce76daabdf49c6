// Issue 29, cases 1 and 2, in a real pseudo-terminal (util-linux's script(1); node-pty is not
// installed here, and a fake `columns: 0` would not show what Node reads from a pty with no size).
// script's own stdin is not a terminal, so the pty it makes has no size: Node reports
// `process.stdout.columns === 0` with `isTTY: true` (checked with `node -e` under `script -qec`).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { shellLine } from "../../providers/text/shell-word";
import { CLI, REPO } from "../helpers/cli";
import { requireTool } from "../helpers/require-tool";
import { readsWhole } from "../helpers/table";

const pty = requireTool("script", "the tests in a real pseudo-terminal");

/** Runs a shell line under script(1): stdout (and stderr, unless redirected) is a pty of no size. */
function inPty(line: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", line, "/dev/null"], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    // The pty turns every \n into \r\n (onlcr): undone here, so lines compare as the CLI wrote them.
    child.on("close", (code) => resolve({ code: code ?? -1, output: output.replace(/\r\n/g, "\n") }));
  });
}

const cli = (...argv: string[]) => shellLine([process.execPath, CLI, ...argv]);
const SGR = /\u001b\[[0-9;]*m/;
const colourTerm = { ...process.env, TERM: "xterm-256color" } as NodeJS.ProcessEnv;
delete colourTerm.NO_COLOR;
delete colourTerm.FORCE_COLOR;
delete colourTerm.NODE_DISABLE_COLORS;
// Node takes a CI variable for a log without colour, whatever TERM says (lib/internal/tty.js getColorDepth).
for (const ci of ["CI", "TEAMCITY_VERSION", "TF_BUILD"]) delete colourTerm[ci];

pty.describe("in a real pseudo-terminal" + pty.note, () => {
  jest.setTimeout(120_000);

  test("a pty of width 0 is read as 100 columns: no line that could wrap runs past, every token whole", async () => {
    const plan = await inPty(cli("plan", "--config", "examples/aws-single-account.yaml", "--no-extract"), colourTerm);
    expect(plan.code).toBe(0);
    const lines = plan.output.split("\n");
    const couldWrap = lines.filter((line) => line.length > 100 && /\s/.test(line.replace(/^[│\s]+|[│\s]+$/g, "")));
    expect(couldWrap).toEqual([]);
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(60); // not one word per line
    for (const token of ["identitystore:DescribeGroup", "arn:aws:iam::aws:policy/SecurityAudit"])
      expect([token, readsWhole(plan.output, token)]).toEqual([token, true]);
  });

  test("write and admin grants are red on a colour terminal; NO_COLOR, TERM=dumb and FORCE_COLOR=0 turn it off", async () => {
    const line = cli("plan", "--config", "examples/pra-privileged-identity.yaml", "--no-extract");
    const coloured = await inPty(line, colourTerm);
    expect(coloured.output).toMatch(/\u001b\[31m\u001b\[1m(write|admin)\u001b\[22m\u001b\[39m/);
    for (const off of [{ NO_COLOR: "1" }, { TERM: "dumb" }, { FORCE_COLOR: "0" }]) {
      const plain = await inPty(line, { ...colourTerm, ...off });
      expect([off, plain.code, SGR.test(plain.output)]).toEqual([off, 0, false]);
      expect(plain.output).toContain("admin");
    }
    const json = await inPty(`${line} --format json`, colourTerm);
    expect(json.output).not.toMatch(SGR);
    expect(() => JSON.parse(json.output)).not.toThrow();
  });

  describe("progress goes where stderr goes", () => {
    let emulator: InsightsEmulator;
    let work: string;
    beforeAll(async () => {
      // Every answer a 429 asking for 2 s: a wait a user notices, so each retry gets a progress line.
      emulator = await InsightsEmulator.start({
        kinds: INSIGHTS_CONNECTOR_KINDS,
        faults: { rate429: 1, retryAfterSeconds: 2 },
      });
      work = mkdtempSync(join(tmpdir(), "pty-progress-"));
    });
    afterAll(async () => {
      await emulator.stop();
      rmSync(work, { recursive: true, force: true });
    });

    test("stdout on a terminal, stderr in a log file: the log gets timestamped lines and no cursor codes", async () => {
      const log = join(work, "status.log");
      const status = cli(
        "status",
        "--config",
        "examples/aws-single-account.yaml",
        "--emulator",
        emulator.url,
        "--request-timeout",
        "3",
      );
      const run = await inPty(`${status} 2>${log}`, colourTerm);
      const written = readFileSync(log, "utf8");
      expect(run.code).toBe(1); // every call refused: the tenant could not be read
      expect(written).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ retrying GET \S+ in 2 s: HTTP 429/m);
      expect(written).not.toMatch(/[\r\u001b]/);
    });
  });
});
