import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_IDS } from "../../review/rules";
import { REPO } from "../helpers/cli";

describe("the gate's rules as documented", () => {
  const readme = readFileSync(join(REPO, "docs", "review.md"), "utf8");
  const documented = [...readme.matchAll(/^\| `([a-z-]+)` \| /gm)].map(([, id]) => id).filter((id) => id.includes("-"));

  test("docs/review.md's rule table lists every rule diff can report, each once, and nothing else", () => {
    expect([...documented].sort()).toEqual([...RULE_IDS].sort());
  });

  test("every rule id the code reports is in the list, and every listed id is reported somewhere", () => {
    const sources = [
      ...readdirSync(join(REPO, "review", "rules")).map((f) => join(REPO, "review", "rules", f)),
      join(REPO, "review", "diff.ts"),
    ].map((file) => readFileSync(file, "utf8"));
    const reported = new Set(sources.flatMap((text) => [...text.matchAll(/rule: "([a-z-]+)"/g)].map(([, id]) => id)));
    expect([...reported].sort()).toEqual([...RULE_IDS].sort());
  });
});
