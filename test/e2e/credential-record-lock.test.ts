import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO } from "../helpers/cli";

const WRITERS = 4;
const RECORDS_EACH = 15;

/** One process recording RECORDS_EACH connectors of tenant acme, as `up` does after each registration. */
function writer(state: string, index: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { recordCredential } = require(${JSON.stringify(join(REPO, "lifecycle/rotation/credential-record"))});
    const at = new Date().toISOString();
    for (let i = 0; i < ${RECORDS_EACH}; i++)
      recordCredential("acme", "writer-${index}-" + i, { createdAt: at, registeredAt: at, source: "test" });
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", REGISTER_TS, "-e", script], {
      cwd: REPO,
      env: { ...process.env, INSIGHTS_STATE_DIR: state },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("the credential record under concurrent runs", () => {
  let state: string;
  beforeEach(() => (state = mkdtempSync(join(tmpdir(), "record-lock-"))));
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  test("four processes recording at once keep every record (read-modify-write under a lock), and leave no lock or temporary file", async () => {
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(state, i)));
    expect(runs).toEqual(Array.from({ length: WRITERS }, () => ({ code: 0, stderr: "" })));
    const records = JSON.parse(readFileSync(join(state, "credentials", "acme.json"), "utf8"));
    expect(Object.keys(records)).toHaveLength(WRITERS * RECORDS_EACH);
    expect(readdirSync(join(state, "credentials"))).toEqual(["acme.json"]);
  }, 120_000);
});
