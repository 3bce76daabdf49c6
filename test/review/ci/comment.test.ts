import { commentBody, commentMarker, COMMENT_LIMIT, jobSummary, SUMMARY_LIMIT_BYTES } from "../../../review/ci/comment";

const FULL = { artifact: "insights-permission-report", runUrl: "https://github.com/acme/infra/actions/runs/42" };
const MARKER = "<!-- insights-connectors permission gate: tenants.yaml -->";
/** A report of `rows` table rows of about 100 characters each. */
const table = (rows: number) =>
  ["### Insights connectors: permission changes", "", "| | Grant | Access |", "| --- | --- | --- |"]
    .concat(
      Array.from(
        { length: rows },
        (_, i) =>
          `| + | aws-action s3:GetObject${String(i).padStart(6, "0")} @ aws-organization:r-ab12 ${"x".repeat(30)} | read |`,
      ),
    )
    .join("\n") + "\n";
const fences = (text: string) => text.split("\n").filter((line) => line.startsWith("```")).length;

describe("the sticky comment: one marker, GitHub's 65,536-character limit", () => {
  test("the marker is the first line, a key of the config (two gates, two comments), never able to close the comment", () => {
    expect(commentMarker("tenants.yaml")).toBe(MARKER);
    expect(commentMarker("a --> b")).toBe("<!-- insights-connectors permission gate: a_--__b -->");
    const body = commentBody("### report\n", "tenants.yaml", FULL);
    expect(body).toBe(`${MARKER}\n### report\n`);
  });

  test("a report that fits is whole; one character more is cut, at a row, with a pointer to the rest", () => {
    const fits = "x".repeat(COMMENT_LIMIT - MARKER.length - 2) + "\n";
    expect(commentBody(fits, "tenants.yaml", FULL)).toHaveLength(COMMENT_LIMIT);
    expect(commentBody(fits, "tenants.yaml", FULL)).toBe(`${MARKER}\n${fits}`);
    const report = table(1000); // about 100,000 characters
    expect(report.length).toBeGreaterThan(COMMENT_LIMIT);
    const body = commentBody(report, "tenants.yaml", FULL);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT - 500);
    const [kept, note] = body.split("\n---\n\n");
    expect(report.startsWith(kept.slice(MARKER.length + 1))).toBe(true);
    expect(kept.endsWith("| read |\n")).toBe(true);
    expect(note).toMatch(
      /^\*\*This comment is cut\*\* at GitHub's limit of 65,536 characters \([\d,]+ of [\d,]+ shown\)\. The full report is in the job summary and the `insights-permission-report` artifact of \[this workflow run\]\(https:\/\/github\.com\/acme\/infra\/actions\/runs\/42\)\.\n$/,
    );
  });

  test("never cut inside a fenced block: a half picture would not render and an open fence swallows the rest", () => {
    const picture = "```mermaid\nflowchart LR\n" + '  a["x"] --> b["y"]\n'.repeat(4000) + "```\n";
    const report = `### changes\n\nbefore the picture\n\n${picture}\nafter\n`;
    const body = commentBody(report, "tenants.yaml", FULL);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fences(body) % 2).toBe(0);
    expect(body).toContain("before the picture\n");
    expect(body).not.toContain("flowchart");
  });

  test("a report that opens with a picture too large for the comment keeps none of it, and no open fence", () => {
    const picture = "```mermaid\nflowchart LR\n" + '  a["x"] --> b["y"]\n'.repeat(4000) + "```\n";
    const body = commentBody(picture, "tenants.yaml", FULL);
    expect(body.split("\n---\n\n")[0]).toBe(`${MARKER}\n`);
    expect(fences(body)).toBe(0);
  });

  test("an overlong single line is cut between characters, never inside a surrogate pair", () => {
    const body = commentBody("🔥".repeat(40_000), "tenants.yaml", FULL);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const kept = body.slice(MARKER.length + 1).split("\n")[0];
    expect(kept).toMatch(/^(?:🔥)+$/u);
  });
});

describe("the job summary: 1 MiB of UTF-8 per step", () => {
  test("counted in bytes: multi-byte text is cut by its bytes, with the artifact named", () => {
    const row = `| + | ${"é".repeat(100)} | read |\n`; // 209 bytes, 109 characters
    const report = row.repeat(6000); // 1.25 MB, 654,000 characters
    const summary = jobSummary(report, FULL);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(summary)).toBeGreaterThan(SUMMARY_LIMIT_BYTES - 1000);
    expect(summary).toContain("**This summary is cut** at GitHub's limit of 1 MiB per step");
    expect(summary).toContain("the `insights-permission-report` artifact of [this workflow run]");
    expect(jobSummary(row, FULL)).toBe(row);
  });
});
