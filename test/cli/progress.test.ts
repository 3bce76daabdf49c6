import { insightsProgress, liveOn, Progress, progressOn } from "../../cli/progress";

function recorder(tty: { isTTY?: boolean; columns?: number } = {}) {
  const out = { text: "", write: (s: string) => void (out.text += s), ...tty };
  return out;
}

/** Any escape sequence or carriage return: what a log file must never receive. */
const CURSOR_CODES = /[\r\u001b]/;

describe("progress on waits", () => {
  const T0 = Date.parse("2026-11-23T17:00:00Z");

  test("lines mode (CI, pipes): nothing under 2 s, then a timestamped line, again every 15 s, and the end", () => {
    let now = T0;
    const out = recorder();
    const progress = new Progress(out, { live: false, now: () => now, tickMs: 0 });
    const wait = progress.wait("the first connectivity check of acme/Okta");
    wait.update("Checking");
    now += 1500;
    progress.tick();
    expect(out.text).toBe("");
    now += 1000;
    progress.tick();
    now += 10_000;
    progress.tick();
    now += 6000;
    progress.tick();
    progress.note("retrying GET /sites/s/connectors in 4 s: HTTP 503 unavailable");
    wait.end("Connected");
    progress.status("1 connector(s) done");
    progress.close();
    expect(out.text).toBe(
      [
        "2026-11-23T17:00:02Z waiting 3 s for the first connectivity check of acme/Okta: Checking",
        "2026-11-23T17:00:18Z waiting 19 s for the first connectivity check of acme/Okta: Checking",
        "2026-11-23T17:00:18Z retrying GET /sites/s/connectors in 4 s: HTTP 503 unavailable",
        "2026-11-23T17:00:18Z the first connectivity check of acme/Okta: Connected after 19 s",
        "",
      ].join("\n"),
    );
  });

  test("a short wait leaves no trace", () => {
    let now = T0;
    const out = recorder();
    const progress = new Progress(out, { live: false, now: () => now, tickMs: 0 });
    const wait = progress.wait("x");
    now += 1900;
    progress.tick();
    wait.end("done");
    expect(out.text).toBe("");
  });

  test("live mode (a terminal): one status line rewritten in place, notes above it, a clean line at the end", () => {
    let now = T0;
    const out = recorder();
    const progress = new Progress(out, { live: true, now: () => now, tickMs: 0 });
    progress.status("2 connector(s) done");
    progress.wait("the first connectivity check of acme/Okta").update("Checking");
    progress.wait("the first connectivity check of acme/EPM");
    now += 4000;
    progress.tick();
    progress.note("retrying GET /x in 4 s: HTTP 503");
    progress.close();
    const line = "2 connector(s) done; waiting 4 s for the first connectivity check of acme/Okta: Checking (+1 more)";
    expect(out.text).toBe(
      `\r\u001b[K2 connector(s) done\r\u001b[K${line}\r\u001b[Kretrying GET /x in 4 s: HTTP 503\n\r\u001b[K${line}\r\u001b[K`,
    );
  });

  test("live mode keeps the status line on one row of the terminal: cut to its width, never wrapped", () => {
    const out = recorder({ columns: 20 });
    const progress = new Progress(out, { live: true, tickMs: 0 });
    progress.status("waiting for the installation on acme… 5 s of 900 s");
    expect(out.text).toBe("\r\u001b[Kwaiting for the in…"); // 19 columns: the last is left for the cursor
  });
});

describe("one reporter for every command that waits", () => {
  const at = () => Date.parse("2026-11-23T17:45:09.123Z");

  test("a wait that counts for itself: rewritten in place on a terminal, a timestamped line in a log", () => {
    const log = recorder();
    const lines = new Progress(log, { live: false, now: at, tickMs: 0 });
    lines.update("waiting for the installation on acme… 5 s of 900 s");
    lines.say("Installed: https://github.com/organizations/acme/settings/installations/7");
    lines.close();
    expect(log.text).toBe(
      "2026-11-23T17:45:09Z waiting for the installation on acme… 5 s of 900 s\n" +
        "Installed: https://github.com/organizations/acme/settings/installations/7\n",
    );

    const terminal = recorder();
    const live = new Progress(terminal, { live: true, now: at, tickMs: 0 });
    live.update("waiting… 5 s");
    live.update("waiting… 10 s");
    live.say("done");
    live.close();
    expect(terminal.text).toBe(
      "\r\u001b[Kwaiting… 5 s\r\u001b[Kwaiting… 10 s\r\u001b[Kdone\n\r\u001b[Kwaiting… 10 s\r\u001b[K",
    );
  });

  test("control characters a server put in a message never reach the terminal", () => {
    const out = recorder();
    const progress = new Progress(out, { live: false, now: at, tickMs: 0 });
    progress.say("app \u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil\nline");
    progress.update("owner \u001b[31mred");
    progress.wait("check of \u001b[2Jacme").end("Failed\u0007");
    expect(out.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out.text).toContain("app evil line\n"); // escape sequences removed whole, not just their ESC
  });

  // Issue 29, case 2: stdout on a terminal, stderr in a log file. The old reporters asked stdout
  // (cli/insights-progress.ts:26, cli/terminal-lines.ts:31) and wrote cursor codes into the log.
  test("the stream progress is written to decides: stdout a terminal, stderr a log file, gets timestamped lines", () => {
    const stderr = recorder({ isTTY: false });
    const io = { stdout: { write: () => true, isTTY: true, columns: 120 }, stderr };
    const { progress } = insightsProgress(io);
    progress.status("1 connector(s) done");
    progress.note("retrying GET /x in 4 s: HTTP 503");
    progress.close();
    expect(stderr.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ retrying GET \/x in 4 s: HTTP 503\n$/);
    expect(stderr.text).not.toMatch(CURSOR_CODES);

    const lines = progressOn(io);
    lines.update("waiting for the installation on acme… 5 s of 900 s");
    lines.close();
    expect(stderr.text).not.toMatch(CURSOR_CODES);
    expect(stderr.text).toMatch(/Z waiting for the installation on acme… 5 s of 900 s\n$/);
  });

  test("stderr a terminal, stdout piped: the status line is drawn on stderr", () => {
    const term = process.env.TERM;
    process.env.TERM = "xterm-256color";
    try {
      const stderr = recorder({ isTTY: true });
      const { progress } = insightsProgress({ stdout: { write: () => true, isTTY: false }, stderr });
      progress.status("1 connector(s) done");
      progress.close();
      expect(stderr.text).toBe("\r\u001b[K1 connector(s) done\r\u001b[K");
    } finally {
      if (term === undefined) delete process.env.TERM;
      else process.env.TERM = term;
    }
  });

  test("TERM=dumb is a terminal that takes no cursor codes: plain lines", () => {
    expect(liveOn({ write: () => true, isTTY: true }, { TERM: "dumb" })).toBe(false);
    expect(liveOn({ write: () => true, isTTY: true }, { TERM: "xterm-256color" })).toBe(true);
    expect(liveOn({ write: () => true, isTTY: false }, { TERM: "xterm-256color" })).toBe(false);
    expect(liveOn({ write: () => true }, {})).toBe(false);
  });
});
