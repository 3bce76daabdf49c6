import { connectorSlug, SLUG_LENGTH, stackNames } from "../../connectors/stack-name";
import type { PlannedConnector } from "../../plan/model";
import { sheetFileName } from "../../register/sheet";

// The sheet's file name and the stack name slug a connector name with one function, so a
// connector's sheet and its stack always carry the same name part.
describe("sheet file names use the connector slug", () => {
  const name = "  Production: EU/West (primary) — Entra tenant for the whole group  ";
  const sheet = (kind: string, connectorName: string) =>
    sheetFileName({ kind, name: connectorName } as PlannedConnector);

  test("a long, punctuated name is slugged and cut like the stack name", () => {
    expect(connectorSlug(name)).toBe("production-eu-west-primary-entra-tenant-");
    expect(connectorSlug(name).length).toBeLessThanOrEqual(SLUG_LENGTH);
    expect(sheet("azure", name)).toBe("azure--production-eu-west-primary-entra-tenant-.md");
    const [stack] = stackNames("acme", [
      { kind: "azure", name },
      { kind: "azure", name: "other" },
    ]);
    expect(stack).toBe(`acme-azure-${connectorSlug(name)}`);
  });

  test("a short name keeps its words", () => {
    expect(sheet("okta", "Okta Prod")).toBe("okta--okta-prod.md");
  });
});
