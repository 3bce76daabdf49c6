import { Progress } from "../../cli/progress";

function recorder() {
  const out = { text: "", write: (s: string) => void (out.text += s) };
  return out;
}

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
});
