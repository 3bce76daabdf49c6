// Whether the CDKTF app synthesizes for a preview (read-only state) is the engine's to say: a
// cdktf.json that a pull request edits cannot turn an apply's state read-only (state left at its
// old path, no owner-only file made before Terraform writes one).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appContext, PREVIEW_CONTEXT } from "../../../providers/engines/terraform";

describe("the CDKTF app's context", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "app-context-"));
    const context = { stateBackend: { s3: { bucket: "b", region: "eu-west-1" } }, [PREVIEW_CONTEXT]: true };
    writeFileSync(join(root, "cdktf.json"), JSON.stringify({ app: "node app.js", context }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("an apply is no preview, whatever cdktf.json says; a preview is one; the rest of cdktf.json's context stays", () => {
    const apply = JSON.parse(appContext(root, "tenants.yaml"));
    expect(apply[PREVIEW_CONTEXT]).toBe(false);
    expect(apply.stateBackend).toEqual({ s3: { bucket: "b", region: "eu-west-1" } });
    expect(apply.config).toBe(join(process.cwd(), "tenants.yaml"));
    expect(JSON.parse(appContext(root, "tenants.yaml", true))[PREVIEW_CONTEXT]).toBe(true);
  });
});
