import { terminalLines } from "../../cli/terminal-lines";

function capture(isTTY: boolean) {
  const out = { stderr: "" };
  const io = { stdout: { write: () => true, isTTY }, stderr: { write: (text: string) => (out.stderr += text) } };
  return { out, lines: terminalLines(io, () => new Date("2026-11-23T17:45:09.123Z")) };
}

describe("terminal lines for long waits", () => {
  test("stdout not a terminal: each progress message is its own line with a UTC timestamp", () => {
    const { out, lines } = capture(false);
    lines.progress("waiting… 5 s of 900 s");
    lines.say("Installed: https://github.com/organizations/acme/settings/installations/7");
    lines.end();
    expect(out.stderr).toBe(
      "2026-11-23T17:45:09Z waiting… 5 s of 900 s\nInstalled: https://github.com/organizations/acme/settings/installations/7\n",
    );
  });

  test("on a terminal: progress is rewritten in place, and ended before the next line", () => {
    const { out, lines } = capture(true);
    lines.progress("waiting… 5 s");
    lines.progress("waiting… 10 s");
    lines.say("done");
    lines.progress("again");
    lines.end();
    expect(out.stderr).toBe("\r\u001b[2Kwaiting… 5 s\r\u001b[2Kwaiting… 10 s\ndone\n\r\u001b[2Kagain\n");
  });

  test("control characters a server put in a message never reach the terminal", () => {
    const { out, lines } = capture(false);
    lines.say("app \u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil\nline");
    lines.progress("owner \u001b[31mred");
    expect(out.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out.stderr).toContain("app evil line\n"); // escape sequences removed whole, not just their ESC
  });
});
