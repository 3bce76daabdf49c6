// Issue 29, case 2: progress went to stderr but the reporters asked stdout whether it was a
// terminal (cli/insights-progress.ts:26, cli/terminal-lines.ts:31 on the old main): with stdout on a
// terminal and stderr in a log, the log got cursor codes and no timestamps. Run in-process here;
// test/e2e/terminal-pty.test.ts does the same with a real pty.
import { run } from "../../cli/program";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";

describe("progress is written for the stream it goes to", () => {
  let emulator: InsightsEmulator;
  beforeAll(async () => {
    // Every answer a 429 asking for 2 s: a wait a person notices, so each retry gets a progress line.
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      faults: { rate429: 1, retryAfterSeconds: 2 },
    });
  });
  afterAll(() => emulator.stop());

  test("stdout a terminal, stderr a log file: timestamped lines in the log, never a cursor code", async () => {
    let stderr = "";
    const code = await run(
      ["status", "--config", "examples/aws-single-account.yaml", "--emulator", emulator.url, "--request-timeout", "3"],
      {
        stdout: { write: () => true, isTTY: true, columns: 120 },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
      },
    );
    expect(code).toBe(1); // every call refused: the tenant could not be read
    expect(stderr).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ retrying GET \S+ in 2 s: HTTP 429/m);
    expect(stderr).not.toMatch(/[\r\u001b]/);
  });
});
