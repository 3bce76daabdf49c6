import stringWidth from "string-width";
import { painter } from "../../../providers/text/colour";
import { columnBudgets, fittedTable } from "../../../providers/text/fitted-table";
import { tableColumn } from "../../helpers/table";

const widest = (text: string) => Math.max(...text.split("\n").map((line) => stringWidth(line)));
const SGR = /\u001b\[[0-9;]*m/g;

describe("tables that fit a terminal", () => {
  test("a narrow table keeps every character of a long permission and scope, within the width", () => {
    const scope = "entra-tenant:0f5b7c1e-0000-4000-8000-000000000001";
    const permission = "DelegatedAdminRelationship.Read.All";
    // 56 columns leave 46 for text: room for the widest pieces, 12 + 27 ("DelegatedAdminRelationship.") + 6.
    const table = fittedTable(["Scope", "Permission", "Access"], [[scope, permission, "read"]], 56);
    expect(widest(table)).toBeLessThanOrEqual(56);
    expect(table).not.toContain("…");
    expect(tableColumn(table, 0)).toBe(`Scope${scope}`);
    expect(tableColumn(table, 1)).toBe(`Permission${permission}`);
    // broken only after separators: every line of a cell ends with one, but the cell's last
    const scopeLines = table.split("\n").filter((line) => line.startsWith("│"));
    const pieces = scopeLines.slice(1).map((line) => line.split("│")[1].trim());
    expect(pieces.slice(0, -1).every((piece) => /[:/.-]$/.test(piece))).toBe(true);
  });

  test("a table that fits is left as it is", () => {
    expect(fittedTable(["a", "b"], [["x", "y"]], 80).split("\n")).toHaveLength(5);
  });

  test("a column whose token cannot fit widens and the row runs long (kubectl, terraform): nothing is cut", () => {
    const token = "BeyondTrustInsightsReadOnlyRoleForEveryMemberAccountOfTheOrganization";
    const table = fittedTable(["Name", "Role"], [["acme", token]], 40);
    expect(widest(table)).toBeGreaterThan(40);
    expect(table).toContain(`│ ${token} │`);
    expect(table).not.toContain("…");
  });

  test("budgets: columns keep their widest word when all can, the rest is shared by water-filling", () => {
    const rows = [
      ["Tenant", "Connection Point", "Detail"],
      ["acme-prod", "acme.beyondtrustcloud.com", "connectivity did not settle within the run deadline"],
    ];
    // 3 columns: 4 borders and 6 of padding; 60 leaves 50 for text.
    expect(columnBudgets(rows, 60)).toEqual([9, 25, 16]);
    // 46 leaves 36: less than the widest words (9 + 25 + 12), so the floor is each column's widest piece
    // (6 at least, "acme.beyondtrustcloud." and "connectivity"), and the 1 column left goes to the narrowest.
    expect(columnBudgets(rows, 46)).toEqual([7, 17, 12]);
    // 40 leaves 30: not even the pieces fit; the table runs long rather than cut one.
    expect(columnBudgets(rows, 40)).toEqual([6, 17, 12]);
    expect(columnBudgets(rows, 200)).toEqual([9, 25, 51]);
  });

  test("colour is applied line by line after wrapping: padding stays right and no code spans a line break", () => {
    const paint = painter(true);
    const cells = [["arn:aws:iam::aws:policy/AdministratorAccess", { text: "admin access", tone: "danger" as const }]];
    const table = fittedTable(["Permission", "Access"], cells, 30, { paint });
    const plain = table.replace(SGR, "");
    expect(new Set(plain.split("\n").map((line) => stringWidth(line))).size).toBe(1); // every line as wide
    for (const line of table.split("\n").filter((l) => l.includes("\u001b["))) {
      expect(line).toMatch(/\u001b\[31m\u001b\[1m[^\u001b]*\u001b\[22m\u001b\[39m/); // opened and closed on the line
    }
    expect(plain).toContain("admin");
    expect(fittedTable(["Access"], [[{ text: "admin", tone: "danger" }]], 30)).not.toMatch(SGR); // PLAIN by default
  });

  test("wide characters are measured as a terminal shows them", () => {
    const table = fittedTable(["Tenant", "State"], [["漢字テナント", "✅ Connected"]], 80);
    expect(new Set(table.split("\n").map((line) => stringWidth(line))).size).toBe(1);
  });
});
