import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withFileLock, StateLockedError } from "../../values/file-lock";
import { ensurePrivateFolder, UnsafeFolderError, updatePrivateFile, writePrivateFile } from "../../values/state-files";

/** The user the tests give a folder to, to stand for another user on the same machine. */
const NOBODY = 65534;
const mode = (path: string) => statSync(path).mode & 0o777;

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "state-files-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs `body` under `mask`, restoring the test process's own umask after. */
function underUmask<T>(mask: number, body: () => T): T {
  const saved = process.umask(mask);
  try {
    return body();
  } finally {
    process.umask(saved);
  }
}

describe("writePrivateFile: the one way state is written", () => {
  test("under umask 000 the folders it makes are 0700 and the file 0600", () => {
    const file = join(work, "a", "b", "state.json");
    underUmask(0o000, () => writePrivateFile(file, "{}\n"));
    expect([mode(join(work, "a")), mode(join(work, "a", "b")), mode(file)]).toEqual([0o700, 0o700, 0o600]);
    expect(readFileSync(file, "utf8")).toBe("{}\n");
  });

  test("a symlink planted at the file's name is replaced, and its target left as it was", () => {
    const victim = join(work, "authorized_keys");
    writeFileSync(victim, "ssh-ed25519 AAAA victim\n");
    const folder = ensurePrivateFolder(join(work, "state"));
    symlinkSync(victim, join(folder, "entry.json"));
    writePrivateFile(join(folder, "entry.json"), "{}\n");
    expect(readFileSync(victim, "utf8")).toBe("ssh-ed25519 AAAA victim\n");
    expect(lstatSync(join(folder, "entry.json")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(folder, "entry.json"), "utf8")).toBe("{}\n");
  });

  test("a rewrite leaves no temporary file beside it", () => {
    const folder = ensurePrivateFolder(join(work, "state"));
    writePrivateFile(join(folder, "one.json"), "1");
    writePrivateFile(join(folder, "one.json"), "2");
    expect(readdirSync(folder)).toEqual(["one.json"]);
    expect(readFileSync(join(folder, "one.json"), "utf8")).toBe("2");
  });

  test("exclusive: an existing file, or a symlink at the name, is refused and left alone", () => {
    const folder = ensurePrivateFolder(join(work, "state"));
    const victim = join(work, "victim");
    writeFileSync(victim, "keep");
    symlinkSync(victim, join(folder, "app.json"));
    expect(() => writePrivateFile(join(folder, "app.json"), "key", { exclusive: true })).toThrow(/EEXIST/);
    expect(readFileSync(victim, "utf8")).toBe("keep");
    expect(readlinkSync(join(folder, "app.json"))).toBe(victim);
    expect(readdirSync(folder)).toEqual(["app.json"]);
  });
});

describe("ensurePrivateFolder: a folder another user could change is refused", () => {
  test("a folder owned by another user (nobody) is refused, naming it and what to do", () => {
    const foreign = join(work, "cache");
    mkdirSync(foreign, { mode: 0o700 });
    chownSync(foreign, NOBODY, NOBODY);
    expect(() => writePrivateFile(join(foreign, "x.json"), "{}")).toThrow(UnsafeFolderError);
    expect(() => ensurePrivateFolder(foreign)).toThrow(
      `refusing to use ${foreign}: it is owned by user id ${NOBODY}, not by you (${process.geteuid!()})`,
    );
    expect(readdirSync(foreign)).toEqual([]);
  });

  test.each([
    ["0777", 0o777, "every user"],
    ["0770", 0o770, "its group"],
    ["1777", 0o1777, "every user"],
  ])("a folder of mode %s is refused with the chmod to run", (shown, folderMode, who) => {
    const open = join(work, "open");
    mkdirSync(open);
    chmodSync(open, folderMode);
    expect(() => ensurePrivateFolder(open, { tighten: true })).toThrow(
      `refusing to use ${open}: it is writable by ${who} (mode ${shown}); run \`chmod 700 ${open}\``,
    );
    expect(mode(open)).toBe(folderMode & 0o777); // refused, not silently changed
  });

  test("a symlink owned by another user is refused even when it points at a folder of ours", () => {
    const ours = ensurePrivateFolder(join(work, "ours"));
    const link = join(work, "link");
    symlinkSync(ours, link);
    expect(ensurePrivateFolder(link)).toBe(link); // our own link to our own folder is fine
    rmSync(link);
    symlinkSync(ours, link);
    require("node:fs").lchownSync(link, NOBODY, NOBODY);
    expect(() => ensurePrivateFolder(link)).toThrow(/the symlink is owned by user id 65534/);
  });

  test("tighten takes group and other read access from a folder of ours; without it, the folder is left", () => {
    const shared = join(work, "readable");
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    ensurePrivateFolder(shared);
    expect(mode(shared)).toBe(0o755);
    ensurePrivateFolder(shared, { tighten: true });
    expect(mode(shared)).toBe(0o700);
  });

  test("a file where the folder should be is refused", () => {
    writeFileSync(join(work, "plain"), "");
    expect(() => ensurePrivateFolder(join(work, "plain"))).toThrow(/it is not a folder/);
  });
});

describe("the lock around read-modify-write", () => {
  test("updatePrivateFile passes the current text and writes the new one", () => {
    const file = join(work, "state", "records.json");
    updatePrivateFile(file, (current) => `${current ?? ""}a`);
    updatePrivateFile(file, (current) => `${current ?? ""}b`);
    expect(readFileSync(file, "utf8")).toBe("ab");
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(mode(file)).toBe(0o600);
  });

  test("a lock held by a live process is waited for, then refused naming the lock file and what to do", () => {
    const file = join(work, "records.json");
    writeFileSync(`${file}.lock`, `${process.pid} ${require("node:os").hostname()} ${Date.now()}\n`);
    const started = Date.now();
    expect(() => withFileLock(file, () => "never", { waitMs: 300 })).toThrow(StateLockedError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(() => withFileLock(file, () => "never", { waitMs: 50 })).toThrow(
      `${file}.lock is held by process ${process.pid}`,
    );
    expect(existsSync(`${file}.lock`)).toBe(true); // another's lock is never removed
  });

  test("a lock left by a process that is gone, or older than the stale age, is taken over", () => {
    const file = join(work, "records.json");
    const host = require("node:os").hostname();
    // pid 2^22 + 1 is above Linux's pid_max ceiling (include/linux/threads.h PID_MAX_LIMIT): never running.
    writeFileSync(`${file}.lock`, `${2 ** 22 + 1} ${host} ${Date.now()}\n`);
    expect(withFileLock(file, () => "ran", { waitMs: 50 })).toBe("ran");
    writeFileSync(`${file}.lock`, `${process.pid} another-host ${Date.now() - 60_000}\n`);
    expect(withFileLock(file, () => "ran again", { waitMs: 50, staleMs: 30_000 })).toBe("ran again");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("the lock is released when the update throws", () => {
    const file = join(work, "records.json");
    expect(() =>
      withFileLock(file, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
