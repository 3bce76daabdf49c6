import {
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { hasStack } from "../../plan/select";
import { extractionJob } from "../../review/extract";
import { GrantCache } from "../../review/grant-cache";
import { REPO, runCli, spawnCli } from "../helpers/cli";

/** The extraction job of every stack connector of a config, as plan builds them. */
const jobsOf = (file: string) =>
  buildPlan(loadConfig(file))
    .tenants.flatMap((t) => t.connectors)
    .filter(hasStack)
    .map(extractionJob);

const ALL_SOURCES = join(REPO, "examples", "all-sources.yaml");
const planJson = (config: string, ...flags: string[]) =>
  runCli("plan", "--config", config, "--format", "json", ...flags);

describe("plan's cache of extracted grants", () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-cache-"));
    cacheDir = join(dir, "cache");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entries = () => readdirSync(cacheDir).sort();

  test("a hit prints the same bytes as a miss and as --no-cache, and stores one entry per stack", async () => {
    const uncached = await planJson(ALL_SOURCES, "--no-cache", "--cache-dir", cacheDir);
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
    const miss = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    const stored = entries();
    const hit = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect([miss.code, miss.stderr, hit.code, hit.stderr]).toEqual([0, "", 0, ""]);
    expect(hit.stdout).toBe(miss.stdout);
    expect(miss.stdout).toBe(uncached.stdout);
    const stacks = JSON.parse(miss.stdout).tenants[0].connectors.filter((c: any) => c.extractedGrants);
    expect(stored).toHaveLength(stacks.length);
    expect(entries()).toEqual(stored);
  });

  test("cached grants are still checked against the catalog: a tampered entry fails the plan", async () => {
    await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    const okta = entries()
      .map((name) => join(cacheDir, name))
      .find((file) => readFileSync(file, "utf8").includes('"source":"okta"'))!;
    const entry = JSON.parse(readFileSync(okta, "utf8"));
    entry.grants[0].name = "okta.users.manage";
    writeFileSync(okta, JSON.stringify(entry));
    const tampered = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/acme-prod\/Acme Okta: not in catalog: okta-role-permission okta\.users\.manage/);
  });

  test("a change to one connector's config misses for that connector only", async () => {
    await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    const before = entries();
    const changed = join(dir, "changed.yaml");
    writeFileSync(
      changed,
      readFileSync(ALL_SOURCES, "utf8").replace('organizationId: "123456789012"', 'organizationId: "210987654321"'),
    );
    expect(readFileSync(changed, "utf8")).not.toBe(readFileSync(ALL_SOURCES, "utf8"));
    const result = await planJson(changed, "--cache-dir", cacheDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gcp-organization:210987654321");
    const added = entries().filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(readFileSync(join(cacheDir, added[0]), "utf8")).toContain('"source":"gcp"');
  });

  test("a change to a stack source file, the catalog, a kind's adapter or the lockfile misses", () => {
    const code = join(dir, "code");
    for (const folder of ["connectors", "stacks", "providers", "review", "kinds"]) {
      cpSync(join(REPO, folder), join(code, folder), { recursive: true });
    }
    const lockfile = join(dir, "package-lock.json");
    cpSync(join(REPO, "package-lock.json"), lockfile);
    const [job] = buildPlan(loadConfig(ALL_SOURCES)).tenants[0].connectors.filter(hasStack).map(extractionJob);
    const open = () => GrantCache.open({ dir: cacheDir, codeRoot: code, lockfile })!;
    const grant = {
      source: "aws" as const,
      scope: "s",
      kind: "aws-action" as const,
      name: "n",
      access: "read" as const,
    };
    const lifetime = { credential: "c", rotationDays: 90, previousValidDays: 0, artifact: "a" };
    const trust = [{ identity: "AWS role r", trustedBy: [], maxSessionSeconds: 3600, artifact: "a" }];
    const grants = { grants: [{ ...grant, artifact: "a" }], lifetimes: [lifetime], trust };
    open().put(job, grants);
    expect(open().get(job)).toEqual(grants);
    const edits: [string, string][] = [
      [join(code, "stacks", "aws", "connector-role.ts"), "\n// an edit\n"],
      [join(code, "connectors", "aws", "grants.ts"), "\n// an edit\n"],
      [join(code, "providers", "pingone", "index.ts"), "\n// an edit\n"],
      [join(code, "kinds", "gcp.ts"), "\n// an edit\n"],
      [lockfile, " "],
    ];
    for (const [file, text] of edits) {
      writeFileSync(file, readFileSync(file, "utf8") + text);
      expect(open().get(job)).toBeUndefined();
      open().put(job, grants);
      expect(open().get(job)).toEqual(grants);
    }
  });

  test("with no lockfile in the code's folder or above (a global install), there is no cache to misread", () => {
    const code = join(dir, "code");
    cpSync(join(REPO, "connectors"), join(code, "connectors"), { recursive: true });
    expect(existsSync(join(tmpdir(), "package-lock.json"))).toBe(false);
    expect(GrantCache.open({ dir: cacheDir, codeRoot: code })).toBeUndefined();
    writeFileSync(join(dir, "package-lock.json"), "{}");
    for (const folder of ["stacks", "providers", "review", "kinds"]) mkdirSync(join(code, folder));
    expect(GrantCache.open({ dir: cacheDir, codeRoot: code })).toBeInstanceOf(GrantCache);
  });

  test("entries hold grants, lifetimes and trust only: no config value and no secret, even with canaries in the environment", async () => {
    const canary = "CANARY-plan-cache-7d1f";
    const env = { ...process.env, PS_PASSWORD: canary, PRA_CLIENT_SECRET: canary };
    const result = spawnCli(["plan", "--config", ALL_SOURCES, "--format", "json", "--cache-dir", cacheDir], env);
    expect(result.code).toBe(0);
    for (const name of entries()) {
      const text = readFileSync(join(cacheDir, name), "utf8");
      expect(text).not.toContain(canary);
      expect(text).not.toMatch(/env:|file:/);
      const entry = JSON.parse(text);
      expect(Object.keys(entry)).toEqual(["format", "computedFrom", "grants", "lifetimes", "trust"]);
      // What it was computed from is there as hashes only: the code fingerprint and the job.
      expect(entry.computedFrom).toEqual({
        code: expect.stringMatching(/^[0-9a-f]{64}$/),
        job: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
  });
});

describe("the plan cache in a folder other users share", () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-cache-"));
    cacheDir = join(dir, "cache");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** 40 days ago: past the 30 days after which an unused entry is pruned. */
  const makeOld = (path: string) => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(path, old, old);
  };

  test("--cache-dir naming a folder with a stranger's old file and an old sub-folder leaves both, prunes only its own old entries, exits 0", async () => {
    mkdirSync(join(cacheDir, "old-folder"), { recursive: true });
    writeFileSync(join(cacheDir, "old-folder", "keep.txt"), "mine");
    writeFileSync(join(cacheDir, "thesis.docx"), "years of work");
    const ownOld = join(cacheDir, `${"a".repeat(64)}.json`);
    writeFileSync(ownOld, "{}");
    for (const path of [join(cacheDir, "old-folder"), join(cacheDir, "thesis.docx"), ownOld]) makeOld(path);
    const result = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(cacheDir, "thesis.docx"), "utf8")).toBe("years of work");
    expect(readFileSync(join(cacheDir, "old-folder", "keep.txt"), "utf8")).toBe("mine");
    expect(existsSync(ownOld)).toBe(false);
  });

  test("a cache folder that is a symlink into another folder is used, but nothing is pruned through it", async () => {
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere, { mode: 0o700 });
    const oldEntryThere = join(elsewhere, `${"b".repeat(64)}.json`);
    writeFileSync(oldEntryThere, "{}");
    makeOld(oldEntryThere);
    symlinkSync(elsewhere, cacheDir);
    const result = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(existsSync(oldEntryThere)).toBe(true);
  });

  test("symlinks planted at every name a plan writes (entries and their old temporary names) are not followed", async () => {
    const victim = join(dir, "authorized_keys");
    writeFileSync(victim, "ssh-ed25519 AAAA victim\n");
    mkdirSync(cacheDir, { mode: 0o700 });
    for (const job of jobsOf(ALL_SOURCES)) {
      const entry = join(cacheDir, `${GrantCache.open({ dir: cacheDir })!.addressOf(job)}.json`);
      symlinkSync(victim, entry);
      symlinkSync(victim, `${entry}.${process.pid}.tmp`); // the name plans used to write through
    }
    const result = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(readFileSync(victim, "utf8")).toBe("ssh-ed25519 AAAA victim\n");
    const entries = readdirSync(cacheDir).filter((name) => name.endsWith(".json"));
    expect(entries.length).toBeGreaterThan(0);
    for (const name of entries) expect(lstatSync(join(cacheDir, name)).isFile()).toBe(true);
  });

  test("a cache folder owned by another user is refused with exit 2, named with what to do; nothing is written there", async () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    chownSync(cacheDir, 65534, 65534); // nobody: another user on this machine
    const result = await planJson(ALL_SOURCES, "--cache-dir", cacheDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refusing to use ${cacheDir}: it is owned by user id 65534`);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  test("an entry copied to another connector's address is not believed", () => {
    const jobs = jobsOf(ALL_SOURCES);
    const cache = GrantCache.open({ dir: cacheDir })!;
    const grant = { source: "aws", scope: "s", kind: "aws-action", name: "n", access: "read", artifact: "a" } as const;
    cache.put(jobs[0], { grants: [grant], lifetimes: [], trust: [] });
    const [first, second] = jobs.map((job) => join(cacheDir, `${cache.addressOf(job)}.json`));
    cpSync(first, second);
    expect(cache.get(jobs[0])).toEqual({ grants: [grant], lifetimes: [], trust: [] });
    expect(cache.get(jobs[1])).toBeUndefined();
  });
});

describe("plan synthesizes in worker threads", () => {
  test("the compiled CLI (engines on their own threads) prints the same bytes as one thread in-process", async () => {
    const inProcess = await planJson(ALL_SOURCES, "--no-cache");
    const threaded = spawnCli(["plan", "--config", ALL_SOURCES, "--format", "json", "--no-cache"]);
    expect([threaded.code, threaded.stderr]).toEqual([0, ""]);
    expect(threaded.stdout).toBe(inProcess.stdout);
  });
});
