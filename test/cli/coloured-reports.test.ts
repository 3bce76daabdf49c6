// Which words a table paints on a terminal that takes colour, and times relative to now there.
import { lookOf } from "../../providers/text/look";
import type { ConnectorResult } from "../../register/reconcile";
import { registerTable, statusTable } from "../../register/report";
import { DIFF_RENDERERS } from "../../review/render-diff";
import { ISSUE_STATUS_ROW as EPM, readsWhole } from "../helpers/table";

const SGR = /\u001b\[[0-9;]*m/;

describe("what is coloured, and times relative on a terminal", () => {
  const colours = lookOf({ colors: true });
  const GREEN = "\u001b[32m";
  const RED = "\u001b[31m\u001b[1m";

  test("the check itself: a token broken mid-way does not read whole; one broken after a separator does", () => {
    const midway = "│ identitystore:Des │\n│ cribeGroup        │";
    const afterColon = "│ identitystore: │\n│ DescribeGroup  │";
    expect(readsWhole(midway, "identitystore:DescribeGroup")).toBe(false);
    expect(readsWhole(afterColon, "identitystore:DescribeGroup")).toBe(true);
  });

  test("status: Connected green, Failed red, Warning yellow", () => {
    const rows = [
      EPM,
      { ...EPM, name: "Okta", connectivity: "Failed" },
      { ...EPM, name: "GCP", connectivity: "Warning" },
    ];
    const table = statusTable(rows, 160, colours);
    expect(table).toContain(`${GREEN}Connected\u001b[39m`);
    expect(table).toContain(`${RED}Failed\u001b[22m\u001b[39m`);
    expect(table).toContain("\u001b[33mWarning\u001b[39m");
    expect(statusTable(rows, 160)).not.toMatch(SGR);
  });

  test("status on a terminal: times relative to now", () => {
    const now = new Date("2026-12-06T09:21:30Z");
    const table = statusTable([EPM], 160, lookOf({ now }));
    expect(readsWhole(table, "2 minutes ago")).toBe(true);
    expect(table).not.toContain("2026-12-06");
  });

  test("register: FAILED and a Failed check in red", () => {
    const failed = { tenant: "acme", name: "Okta", kind: "okta", action: "failed", connectivity: "Failed" };
    const table = registerTable([failed as ConnectorResult], false, 120, colours);
    expect(table).toContain(`${RED}FAILED\u001b[22m\u001b[39m`);
    expect(table).toContain(`${RED}Failed\u001b[22m\u001b[39m`);
  });

  test("diff: ESCALATION and a write grant in red, a read grant and a removed grant plain", () => {
    const grant = (name: string, access: "read" | "write") =>
      ({ kind: "aws-action", name, scope: "aws-account:111111111111", access, origin: "o" }) as never;
    const diff = {
      connectors: [
        {
          tenant: "acme",
          kind: "aws",
          name: "AWS",
          grants: [
            { change: "added", grant: grant("iam:PassRole", "write") },
            { change: "added", grant: grant("iam:GetRole", "read") },
            { change: "removed", grant: grant("iam:DeleteRole", "write") },
          ],
          scopes: { added: [], removed: [], grantsMoved: 0 },
          escalations: [],
        },
      ],
      escalations: ["acme / AWS: a write grant was added (iam:PassRole)"],
    };
    const lines = DIFF_RENDERERS.table(diff as never, { width: 100, colors: true }).split("\n");
    const red = (text: string) => lines.some((line) => line.startsWith(RED) && line.includes(text));
    expect([red("iam:PassRole"), red("iam:GetRole"), red("iam:DeleteRole")]).toEqual([true, false, false]);
    expect(lines).toContain(`${RED}ESCALATION:\u001b[22m\u001b[39m`);
    expect(DIFF_RENDERERS.table(diff as never, { width: 100 })).not.toMatch(SGR);
  });
});
