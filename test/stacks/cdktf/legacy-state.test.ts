import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { addStateBackends } from "../../../stacks/terraform/state-backend";
import { LegacyStateError } from "../../../stacks/terraform/legacy-state";

const STATE = '{"version":4,"serial":7,"lineage":"upgrade-test","resources":[{"type":"azuread_application_password"}]}';

/**
 * main 0a6b1ad–48c0d67 synthesized `"backend": {"local": {"path": "<root>/terraform.<stack>.tfstate"}}`
 * (cdktf's default, in the folder the app ran in); ff3f49e moved it to `.state/terraform/<stack>.tfstate`.
 */
describe("upgrade: Terraform state from before the state folder is moved into it, never left behind", () => {
  let work: string;
  let root: string;
  let notices: string[];
  const saved = process.env.INSIGHTS_STATE_DIR;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "legacy-state-"));
    root = join(work, "toolkit");
    mkdirSync(root);
    process.env.INSIGHTS_STATE_DIR = join(work, "state");
    notices = [];
  });
  afterEach(() => {
    process.env.INSIGHTS_STATE_DIR = saved;
    rmSync(work, { recursive: true, force: true });
  });
  const backends = (setting?: unknown, readOnly = false) => {
    const stack = new TerraformStack(new App({ outdir: join(work, "out") }), "acme-prod-azure");
    addStateBackends([stack], setting, { workingFolder: root, notice: (line) => notices.push(line), readOnly });
    return stack;
  };
  /** The local backend's path in the synthesized stack. */
  const backendPath = (stack: TerraformStack) =>
    (stack.toTerraform() as { terraform: { backend: { local: { path: string } } } }).terraform.backend.local.path;
  const legacy = () => join(root, "terraform.acme-prod-azure.tfstate");
  const current = () => join(work, "state", "terraform", "acme-prod-azure.tfstate");

  test("state at terraform.<stack>.tfstate moves to the state folder (0600, with its backup), and says so", () => {
    writeFileSync(legacy(), STATE);
    writeFileSync(`${legacy()}.backup`, STATE.replace("7", "6"));
    backends();
    expect(readFileSync(current(), "utf8")).toBe(STATE);
    expect(readFileSync(`${current()}.backup`, "utf8")).toBe(STATE.replace("7", "6"));
    expect((statSync(current()).mode & 0o777).toString(8)).toBe("600");
    expect([existsSync(legacy()), existsSync(`${legacy()}.backup`)]).toEqual([false, false]);
    expect(notices).toEqual([
      `stack acme-prod-azure: moved its Terraform state from ${legacy()} (before main ff3f49e) to ${current()}`,
    ]);
    // A second run finds nothing to move and keeps the moved state.
    backends();
    expect(readFileSync(current(), "utf8")).toBe(STATE);
  });

  test("state in both places stops the run, naming both files; nothing is moved", () => {
    writeFileSync(legacy(), STATE);
    backends();
    writeFileSync(legacy(), STATE.replace("7", "9"));
    expect(() => backends()).toThrow(LegacyStateError);
    expect(() => backends()).toThrow(
      `stack acme-prod-azure: both ${legacy()} (where state was kept before main ff3f49e) and ${current()} hold ` +
        "Terraform state.",
    );
    expect(readFileSync(current(), "utf8")).toBe(STATE);
    expect(readFileSync(legacy(), "utf8")).toBe(STATE.replace("7", "9"));
  });

  test("with the S3 backend, local legacy state stops the run with the state push step", () => {
    writeFileSync(legacy(), STATE);
    expect(() => backends({ s3: { bucket: "b", region: "eu-west-1" } })).toThrow(
      /acme-prod-azure: .*terraform\.acme-prod-azure\.tfstate holds its Terraform state .* state push /,
    );
    expect(existsSync(legacy())).toBe(true);
  });

  test("an empty legacy file is no state and is left alone; a symlink is refused, never read through", () => {
    writeFileSync(legacy(), "");
    backends();
    expect(notices).toEqual([]);
    rmSync(legacy());
    symlinkSync(join(work, "elsewhere.tfstate"), legacy());
    writeFileSync(join(work, "elsewhere.tfstate"), STATE);
    expect(() => backends()).toThrow(`${legacy()} is not a regular file`);
  });

  describe("a preview's synthesis (readOnly: up --dry-run, down before --yes) moves and creates nothing", () => {
    test("state still at the legacy path is read there; neither file nor the state folder changes", () => {
      writeFileSync(legacy(), STATE);
      writeFileSync(`${legacy()}.backup`, STATE.replace("7", "6"));
      expect(backendPath(backends(undefined, true))).toBe(legacy());
      expect(readFileSync(legacy(), "utf8")).toBe(STATE);
      expect(existsSync(`${legacy()}.backup`)).toBe(true);
      expect(existsSync(join(work, "state"))).toBe(false);
      expect(notices).toEqual([]);
      // The apply after it moves the state, as before.
      expect(backendPath(backends())).toBe(current());
      expect(readFileSync(current(), "utf8")).toBe(STATE);
    });

    test("without legacy state it points at the state folder, creating neither the folder nor an empty file", () => {
      expect(backendPath(backends(undefined, true))).toBe(current());
      expect(existsSync(join(work, "state"))).toBe(false);
    });

    test("it meets the same stops as the apply: state in both places, or legacy state with S3", () => {
      writeFileSync(legacy(), STATE);
      backends();
      writeFileSync(legacy(), STATE.replace("7", "9"));
      expect(() => backends(undefined, true)).toThrow(`stack acme-prod-azure: both ${legacy()}`);
      expect(() => backends({ s3: { bucket: "b", region: "eu-west-1" } }, true)).toThrow(/ state push /);
      expect(readFileSync(legacy(), "utf8")).toBe(STATE.replace("7", "9"));
      expect(readFileSync(current(), "utf8")).toBe(STATE);
    });
  });
});
