import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIMITS } from "../../values/limits";
import { SecretRef, SecretResolutionError } from "../../values/secret-ref";
import { REGISTER_TS, REPO } from "../helpers/cli";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

const CANARY = "canary-env-secret-5d0c2e";
const withSecretFile = (ref: string) => configWith([VALID["pra-cloud"].replace("env:PRA_SECRET", ref)]);

describe("file: secrets are regular, bounded files outside the kernel's pseudo file systems", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "secret-files-"));
    spawnSync("mkfifo", ["-m", "600", join(dir, "pipe")]);
    symlinkSync("/proc/self/environ", join(dir, "environ-link"));
    writeFileSync(join(dir, "huge"), "x".repeat(LIMITS.secretFileBytes + 1), { mode: 0o600 });
    writeFileSync(join(dir, "ok"), `${CANARY}\n`, { mode: 0o600 });
    symlinkSync(join(dir, "ok"), join(dir, "ok-link"));
    chmodSync(join(dir, "ok"), 0o600);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["a named pipe (FIFO) with mode 0600", "file:pipe", /is a named pipe \(FIFO\), not a regular file/],
    ["/proc/self/environ", "file:/proc/self/environ", /is under \/proc/],
    ["a symlink to /proc/self/environ", "file:environ-link", /is under \/proc \(resolved: \/proc\/\d+\/environ\)/],
    ["/dev/zero", "file:/dev/zero", /is under \/dev/],
    ["/sys/kernel", "file:/sys/kernel", /is under \/sys/],
    [
      "a file over the size limit",
      "file:huge",
      new RegExp(`is ${LIMITS.secretFileBytes + 1} bytes; at most ${LIMITS.secretFileBytes} are read`),
    ],
  ])("the config check refuses %s at the field, reading nothing", (_case, ref, message) => {
    const text = withSecretFile(ref);
    const problems = problemsOf(text, dir);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(text, ref),
        path: "tenants[0].connectors[0].clientSecret",
        message: expect.stringMatching(message),
      }),
    ]);
  });

  test("resolving refuses /proc/self/environ, directly or through a symlink, and never returns the environment", () => {
    process.env.SECRET_FILES_CANARY = CANARY;
    try {
      for (const target of ["/proc/self/environ", join(dir, "environ-link")]) {
        let error: unknown;
        try {
          new SecretRef("file", target).resolve(dir);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(SecretResolutionError);
        expect((error as Error).message).toMatch(/is under \/proc/);
        expect((error as Error).message).not.toContain(CANARY);
      }
    } finally {
      delete process.env.SECRET_FILES_CANARY;
    }
  });

  test("resolving refuses an oversized file and still reads an owner-only file through a symlink", () => {
    expect(() => new SecretRef("file", "huge").resolve(dir)).toThrow(/at most 65536 are read/);
    expect(new SecretRef("file", "ok-link").resolve(dir)).toBe(CANARY);
  });

  test("resolving a FIFO fails at once instead of waiting for a writer (child process, 30 s ceiling)", () => {
    // Run where a hang cannot stall the test runner: a blocked read shows up as the timeout.
    const script = `
      const { SecretRef } = require("./values/secret-ref");
      try { new SecretRef("file", ${JSON.stringify(join(dir, "pipe"))}).resolve("/"); console.log("read"); }
      catch (error) { console.log("refused: " + error.message); }`;
    const run = spawnSync(process.execPath, ["-r", REGISTER_TS, "-e", script], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toMatch(
      /^refused: cannot resolve secret file:.*pipe: .*is a named pipe \(FIFO\), not a regular file/,
    );
  });
});
