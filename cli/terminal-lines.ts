import { printable } from "../providers/text/printable";
import type { Io } from "./io";

/** What a long-running command tells the person running it, on stderr, one line at a time. */
export interface TerminalLines {
  /** An instruction or a step done. */
  say(line: string): void;
  /** Where a wait stands: rewritten in place on a terminal; a timestamped line in a log. */
  progress(message: string): void;
  /** Ends a progress line left open on a terminal, before other output follows. */
  end(): void;
}

/**
 * Lines for stderr with every control character stripped (they may quote GitHub or
 * another server). When stdout is not a terminal (CI, a pipe) each progress message
 * becomes its own line with a UTC timestamp, so a log shows how long a wait took.
 */
export function terminalLines(io: Io, now: () => Date = () => new Date()): TerminalLines {
  let progressShown = false;
  const endProgress = () => {
    if (progressShown) io.stderr.write("\n");
    progressShown = false;
  };
  return {
    say(line) {
      endProgress();
      io.stderr.write(`${printable(line)}\n`);
    },
    progress(message) {
      if (!io.stdout.isTTY) {
        io.stderr.write(
          `${now()
            .toISOString()
            .replace(/\.\d+Z$/, "Z")} ${printable(message)}\n`,
        );
        return;
      }
      io.stderr.write(`\r\u001b[2K${printable(message)}`);
      progressShown = true;
    },
    end: endProgress,
  };
}
