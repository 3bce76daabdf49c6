import { run } from "../../cli/program";
import { scriptedBrowser } from "../providers/github/helpers";
import type { CliResult } from "./cli";

/**
 * `github create-app` as a person runs it, in-process: the test watches stderr for the page the
 * command prints and plays the browser, the way someone would copy the link.
 */
export async function createAppWithBrowser(
  argv: string[],
  hosts: Record<string, string>,
): Promise<CliResult & { browser?: Promise<unknown> }> {
  let stdout = "";
  let stderr = "";
  let browser: Promise<unknown> | undefined;
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        const page = /Open (http:\/\/127\.0\.0\.1:\d+\/[\w-]+) in a browser/.exec(text);
        if (page && !browser) browser = scriptedBrowser(page[1], { hosts });
      },
    },
  });
  return { code, stdout, stderr, browser };
}
