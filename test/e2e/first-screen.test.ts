// The README's first screen runs verbatim on a fresh clone (issue 29): its commands are read from
// the README itself (the sh block after the `first-screen` marker) and run one by one, in a `git
// clone` of this repository with its node_modules linked in (what `npm ci` would give), with no
// credential in the environment and, where the machine can make one, in a network namespace that
// has only a loopback interface: no network but 127.0.0.1, which the demo's emulator listens on.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { REPO } from "../helpers/cli";
import { requireTool } from "../helpers/require-tool";

/** The first screen's commands: each line of the sh block after the marker, comments dropped. */
function firstScreen(readme: string): string[] {
  const marker = readme.indexOf("<!-- first-screen");
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (marker < 0 || !block) throw new Error("README.md has no first-screen block (<!-- first-screen --> then ```sh)");
  return block[1]
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

const COMMANDS = firstScreen(readFileSync(join(REPO, "README.md"), "utf8"));

/** Only what a shell needs: no cloud, Insights or GitHub credential reaches the commands. */
function bareEnv(): NodeJS.ProcessEnv {
  const keep = ["HOME", "LANG", "TMPDIR", "CI"].filter((name) => process.env[name] !== undefined);
  return {
    ...Object.fromEntries(keep.map((name) => [name, process.env[name]])),
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter), // this Node first, as `npm ci` ran on
  };
}

const isolated = requireTool("network namespace", "the README's first screen run with no network");

describe("the README's first screen", () => {
  test("is a few commands, and init names the tenant the next commands use", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(3);
    const init = COMMANDS.find((c) => / init /.test(c));
    const tenant = / --tenant (\S+)/.exec(init ?? "")?.[1] ?? "my-tenant"; // init's own default
    const used = COMMANDS.flatMap((c) => [...c.matchAll(/ (?:--tenant|-t) (\S+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(1);
    expect(new Set(used)).toEqual(new Set([tenant]));
    expect(COMMANDS.filter((c) => /^npm (test|t)\b/.test(c))).toEqual([]); // minutes, not a try-it step
  });

  describe(`runs verbatim in a fresh clone${isolated.available ? ", with no network" : isolated.note}`, () => {
    let clone: string;
    beforeAll(() => {
      clone = join(mkdtempSync(join(tmpdir(), "first-screen-")), "insights-connectors");
      const git = spawnSync("git", ["clone", "--quiet", REPO, clone], { encoding: "utf8", timeout: 120_000 });
      if (git.status !== 0) throw new Error(`git clone failed: ${git.stderr}`);
      symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"), "dir");
    });
    afterAll(() => rmSync(dirname(clone), { recursive: true, force: true }));

    test.each(COMMANDS.map((command, i) => [i + 1, command]))(
      "%i. %s",
      (_n, command) => {
        const shell = isolated.available
          ? ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec sh -c "$0"', command]
          : ["sh", "-c", command];
        const run = spawnSync(shell[0], shell.slice(1), {
          cwd: clone,
          env: bareEnv(),
          encoding: "utf8",
          timeout: 300_000,
        });
        expect({ command, status: run.status, signal: run.signal, stderr: run.stderr.slice(-4000) }).toMatchObject({
          status: 0,
          signal: null,
        });
        if (/ init /.test(command)) expect(existsSync(join(clone, "tenants.yaml"))).toBe(true);
      },
      300_000,
    );
  });
});
