// Issue 26, item 7: no secret or external ID in any child's command line, nor in an environment
// another user can read. A sampler reads /proc/<pid>/cmdline and /proc/<pid>/environ of the CLI and of
// every process below it, every few milliseconds, for the whole run (proc(5)).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { CloudFormationClient, DeleteStackCommand } from "@aws-sdk/client-cloudformation";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { loadConfig } from "../../config/load";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { EMULATOR_DEFAULT_SITE } from "../../register/insights-target";
import { CLI, REPO } from "../helpers/cli";
import { configWith } from "../helpers/config-text";
import { engineOf, loadEngines } from "../helpers/engines";
import { startMoto, type Moto } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";

/** Pid → parent pid, from field 4 of every /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone between the listing and the read
    }
  }
  return map;
}

/** `root` and every process below it, now. */
function processTree(root: number): number[] {
  const byParent = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of byParent) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** What a sampler saw: how often, which processes, and every place the canary appeared. */
interface Sightings {
  samples: number;
  readonly commands: Set<string>;
  readonly leaks: string[];
  /** Processes whose environment held the canary (readable by their owner only: see the checks). */
  readonly environments: Set<number>;
}

/** Samples the tree under `root` every `everyMs` until `stop()`. */
function sampler(root: () => number | undefined, canary: string, everyMs = 5) {
  const seen: Sightings = { samples: 0, commands: new Set(), leaks: [], environments: new Set() };
  const timer = setInterval(() => {
    const top = root();
    if (top === undefined) return;
    seen.samples++;
    for (const pid of processTree(top)) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
        seen.commands.add(cmdline.slice(0, 200));
        if (cmdline.includes(canary)) seen.leaks.push(`argv of ${pid}: ${cmdline.slice(0, 200)}`);
        if (readFileSync(`/proc/${pid}/environ`, "utf8").includes(canary)) seen.environments.add(pid);
      } catch {
        // exited between the listing and the read
      }
    }
  }, everyMs);
  return { seen, stop: () => clearInterval(timer) };
}

const motoServer = requireTool("moto", "sampling every process of an AWS up against moto");

motoServer.describe(`up for AWS: the external ID is in no process's argv or environment${motoServer.note}`, () => {
  let moto: Moto;
  let emulator: InsightsEmulator;
  let work: string;
  beforeAll(async () => {
    moto = await startMoto();
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 50 });
    work = mkdtempSync(join(tmpdir(), "no-secret-in-argv-"));
  });
  afterAll(async () => {
    if (moto) {
      const cloudFormation = new CloudFormationClient(moto.clientConfig);
      await cloudFormation.send(new DeleteStackCommand({ StackName: "acme-aws" })).catch(() => undefined);
      cloudFormation.destroy();
    }
    moto?.stop();
    await emulator?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("a sampler of /proc during the whole deploy never sees the external ID Insights issued", async () => {
    // The emulator's external ID for its site (providers/insights/emulator/server.ts): the value cdk deploy
    // --parameters used to carry in its command line.
    const externalId = createHash("sha256").update(`external-id\n${EMULATOR_DEFAULT_SITE}`).digest("hex").slice(0, 32);
    const config = join(work, "tenants.yaml");
    writeFileSync(
      config,
      configWith(
        [
          'kind: aws\nname: AWS\nmanagementAccountId: "123456789012"\ntrustedPrincipal: arn:aws:iam::222222222222:root' +
            "\nexternalId: env:UNSET_EXTERNAL_ID",
        ],
        `adapter: emulator\nurl: ${emulator.url}`,
      ),
    );
    const argv = ["up", "--config", config, "--tenant", "acme", "--yes", "--cdk-method", "direct"];
    const env = { ...process.env, ...moto.awsEnv, INSIGHTS_STATE_DIR: join(work, "state") };
    const child = spawn(process.execPath, [CLI, ...argv, "--state-dir", join(work, "state")], { cwd: REPO, env });
    const { seen, stop } = sampler(() => child.pid, externalId, 5);
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    const code = await new Promise((resolve) => child.on("close", resolve));
    stop();

    expect([code, out]).toEqual([0, expect.stringContaining("AWS (aws): create, Connected")]);
    // The deploy did use it: the role's trust policy requires it.
    const iam = new IAMClient(moto.clientConfig);
    const role = await iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }));
    iam.destroy();
    expect(JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!)).Statement[0].Condition).toEqual({
      StringEquals: { "sts:ExternalId": externalId },
    });
    // The sampler watched the run throughout; no process showed the value, in argv or in its environment.
    expect(seen.samples).toBeGreaterThan(50);
    expect(seen.leaks).toEqual([]);
    expect([...seen.environments]).toEqual([]);
    expect(out).not.toContain(externalId);
  }, 600_000);
});

describe("Terraform variables: out of argv, in an environment only its owner can read", () => {
  const CANARY = "canary-tf-var-in-environ-1c7d";
  let work: string;
  beforeAll(loadEngines);
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), "tf-var-environ-"))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("the stand-in terraform gets the value as TF_VAR_*, never in argv; /proc/<pid>/environ is 0400, its owner's", async () => {
    const config = loadConfig(join(REPO, "examples", "azure-only.yaml"));
    const azure = engineOf(config, config.tenants[0].connectors[0], {
      configFile: join(REPO, "examples", "azure-only.yaml"),
      stateDir: join(work, "state"),
      cdktfOut: join(work, "cdktf.out"),
    })!;
    const path = [join(REPO, "test", "fakes", "engines"), dirname(process.execPath)].join(delimiter);
    const env = { ...process.env, PATH: path, FAKE_TERRAFORM_SLOW: "apply:1500" };
    const { seen, stop } = sampler(() => process.pid, CANARY, 5);
    const environs: { mode: number; uid: number; pid: number }[] = [];
    const watch = setInterval(() => {
      for (const pid of seen.environments) {
        try {
          const stats = statSync(`/proc/${pid}/environ`);
          environs.push({ mode: stats.mode & 0o777, uid: stats.uid, pid });
        } catch {
          // exited
        }
      }
    }, 20);
    try {
      await azure.deploy({ env, yes: true, parameters: { canary_var: CANARY } });
    } finally {
      stop();
      clearInterval(watch);
    }
    expect(seen.leaks).toEqual([]);
    // The variable reached terraform (its environment), and that environment is its owner's alone.
    expect(environs.length).toBeGreaterThan(0);
    expect(new Set(environs.map(({ mode, uid }) => `${mode.toString(8)} ${uid}`))).toEqual(
      new Set([`400 ${userInfo().uid}`]),
    );
  }, 300_000);

  const root = userInfo().uid === 0;
  (root ? test : test.skip)(
    `another user cannot read a process's environment (proc(5): ptrace access mode)${root ? "" : " [SKIPPED: needs root to act as nobody]"}`,
    async () => {
      const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"], {
        env: { ...process.env, TF_VAR_canary_var: CANARY },
      });
      try {
        const id = (flag: string) => Number(spawnSync("id", [flag, "nobody"], { encoding: "utf8" }).stdout.trim());
        const read = spawnSync(
          process.execPath,
          ["-e", `process.stdout.write(require("fs").readFileSync("/proc/${holder.pid}/environ", "utf8"))`],
          { uid: id("-u"), gid: id("-g"), encoding: "utf8" },
        );
        expect(read.status).not.toBe(0);
        expect(read.stderr).toMatch(/EACCES|EPERM/);
        expect(read.stdout).not.toContain(CANARY);
      } finally {
        holder.kill();
      }
    },
  );
});
