import { fittedTable, wrapCell } from "../../../providers/text/fitted-table";
import { tableColumn } from "../../helpers/table";

describe("tables that fit a terminal", () => {
  test("wrapCell breaks between words and splits a word longer than the line, losing nothing", () => {
    expect(wrapCell("Allow Access to Support Session Reports", 16)).toBe("Allow Access to\nSupport Session\nReports");
    expect(wrapCell("entra-tenant:0f5b7c1e-0000-4000", 12)).toBe("entra-tenant\n:0f5b7c1e-00\n00-4000");
  });

  test("a narrow table keeps every character of a long permission and scope, within the width", () => {
    const scope = "entra-tenant:0f5b7c1e-0000-4000-8000-000000000001";
    const permission = "DelegatedAdminRelationship.Read.All";
    const table = fittedTable(["Scope", "Permission", "Access"], [[scope, permission, "read"]], 50);
    for (const line of table.split("\n")) expect(line.length).toBeLessThanOrEqual(50);
    expect(table).not.toContain("…");
    expect(tableColumn(table, 0)).toBe(`Scope${scope}`);
    expect(tableColumn(table, 1)).toBe(`Permission${permission}`);
  });

  test("a table that fits is left as it is", () => {
    expect(fittedTable(["a", "b"], [["x", "y"]], 80).split("\n")).toHaveLength(5);
  });
});
