// Issue 29, case 1: tables split words (`identitystore:Des|cribeGroup`,
// `arn:aws:iam::aws:policy/Securi|tyAudit`, `2026-12-06T0|9:18:56.113Z`, `acme.beyondt|rustcloud.co|m`),
// a terminal of 0 columns got one word per line, times were raw ISO, and nothing was coloured.
import { run } from "../../cli/program";
import { statusTable } from "../../register/report";
import { ISSUE_STATUS_ROW as EPM, readsWhole } from "../helpers/table";

/** Runs the CLI in-process with stdout as a terminal of `columns` (or a pipe). */
async function cli(argv: string[], stdout: { columns?: number; isTTY?: boolean }) {
  let out = "";
  let err = "";
  const code = await run(argv, {
    stdout: { write: (s: string) => (out += s), ...stdout },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, stdout: out, stderr: err };
}

/** Runs `body` with these environment variables set (undefined: unset), then puts them back. */
async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  try {
    return await body();
  } finally {
    apply(saved);
  }
}

const AWS_PLAN = ["plan", "--config", "examples/aws-single-account.yaml", "--no-extract"];
const SGR = /\u001b\[[0-9;]*m/;
const widest = (text: string) => Math.max(...text.split("\n").map((line) => line.length));
/** Lines longer than `width` that hold a space: a line that could have been wrapped and was not. */
const overlong = (text: string, width: number) =>
  text.split("\n").filter((line) => line.length > width && /\s/.test(line.replace(/^[│\s]+|[│\s]+$/g, "")));

describe("tables people can read and copy (issue 29, case 1)", () => {
  test.each([60, 80, 120])("plan at %i columns: every permission and ARN reads whole", async (columns) => {
    const { code, stdout } = await cli(AWS_PLAN, { columns });
    expect(code).toBe(0);
    for (const token of ["identitystore:DescribeGroup", "identitystore:DescribeUser"])
      expect([token, readsWhole(stdout, token)]).toEqual([token, true]);
    expect(readsWhole(stdout, "arn:aws:iam::aws:policy/SecurityAudit")).toBe(true);
    expect(readsWhole(stdout, "arn:aws:iam::222222222222:root")).toBe(true);
    expect(stdout).not.toContain("…");
  });

  test.each([60, 80, 120])("status at %i columns: the host and the times read whole, times compact", (columns) => {
    const table = statusTable([EPM], columns);
    expect(readsWhole(table, "acme.beyondtrustcloud.com")).toBe(true);
    expect(readsWhole(table, "2026-12-06 09:18Z")).toBe(true);
    expect(table).not.toMatch(/T09:18|56\.113/); // no raw ISO, no seconds or milliseconds
  });

  test("a terminal that reports 0 columns (a pty with no size) is as wide as an unknown one: 100", async () => {
    const zero = await cli(AWS_PLAN, { columns: 0, isTTY: true });
    const unknown = await cli(AWS_PLAN, {});
    expect(zero.stdout).toBe(unknown.stdout);
    expect(overlong(zero.stdout, 100)).toEqual([]);
    expect(widest(zero.stdout)).toBeGreaterThan(60); // not one word per line
    expect(readsWhole(zero.stdout, "identitystore:DescribeGroup")).toBe(true);
  });
});

describe("colour on a terminal, never elsewhere (issue 29, case 1)", () => {
  // The PRA ↔ PI plugin's grants include write and admin ones (connectors/pra-privileged-identity/grants.ts).
  const PRA_PLAN = ["plan", "--config", "examples/pra-privileged-identity.yaml", "--no-extract"];
  const RED = "\u001b[31m\u001b[1m";
  const terminal = { columns: 160, isTTY: true };
  const colourTerm = {
    TERM: "xterm-256color",
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    NODE_DISABLE_COLORS: undefined,
    // Node takes these for a CI log without colour, whatever TERM says (lib/internal/tty.js getColorDepth).
    CI: undefined,
    TEAMCITY_VERSION: undefined,
    TF_BUILD: undefined,
  };

  test("a write or admin grant is red on a colour terminal; a read grant is not", async () => {
    const { stdout } = await withEnv(colourTerm, () => cli(PRA_PLAN, terminal));
    const painted = stdout.split("\n").filter((line) => line.includes(RED));
    expect(painted.length).toBeGreaterThan(0);
    expect(painted.every((line) => /\u001b\[31m\u001b\[1m(write|admin)\u001b\[22m\u001b\[39m/.test(line))).toBe(true);
    expect(stdout).not.toMatch(/\u001b\[31m\u001b\[1mread/);
  });

  test.each([
    ["NO_COLOR", { ...colourTerm, NO_COLOR: "1" }, terminal],
    ["TERM=dumb", { ...colourTerm, TERM: "dumb" }, terminal],
    ["FORCE_COLOR=0", { ...colourTerm, FORCE_COLOR: "0" }, terminal],
    ["stdout not a terminal", colourTerm, { columns: 160, isTTY: false }],
  ])("no colour with %s", async (_name, env, stdout) => {
    const run = await withEnv(env, () => cli(PRA_PLAN, stdout));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("admin");
    expect(run.stdout).not.toMatch(SGR);
  });

  test.each(["json", "markdown"])(
    "never in --format %s, even on a colour terminal with FORCE_COLOR",
    async (format) => {
      const run = await withEnv({ ...colourTerm, FORCE_COLOR: "1" }, () =>
        cli([...PRA_PLAN, "--format", format], terminal),
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("admin");
      expect(run.stdout).not.toMatch(SGR);
    },
  );

  test("FORCE_COLOR=1 colours a table piped to a CI log that shows colour", async () => {
    const run = await withEnv({ ...colourTerm, FORCE_COLOR: "1" }, () => cli(PRA_PLAN, { isTTY: false }));
    expect(run.stdout).toContain(RED);
  });
});
