import { registerTable, statusTable, type StatusRow } from "../../register/report";
import type { ConnectorResult } from "../../register/reconcile";
import { tableColumn as column } from "../helpers/table";

const DETAIL =
  "connectivity did not settle within the run deadline; the connector stays registered and the next run checks again";

const result = {
  tenant: "acme-production-eu-west",
  name: "Contoso Entra ID (primary directory)",
  kind: "azure",
  action: "update",
  fields: ["clientSecret", "directoryName", "tenantId"],
  connectivity: "Pending Agent Registration",
  detail: DETAIL,
} as ConnectorResult;

const row: StatusRow = {
  tenant: "acme-production-eu-west",
  name: "Contoso Entra ID (primary directory)",
  kind: "azure",
  connectionPoint: "arn:aws:iam::111111111111:role/BeyondTrustInsightsReadOnly",
  connectivity: "Pending Agent Registration",
  status: "On",
  lastActivity: "2026-11-23T18:00:00.000Z",
  lastUpdate: "2026-11-23T18:00:00.000Z",
};

const widest = (text: string) => Math.max(...text.split("\n").map((line) => line.length));

describe("register and status tables fit the terminal where they can and cut nothing", () => {
  test.each([80, 100, 120])("register at %i columns", (width) => {
    const table = registerTable([result], false, width);
    if (width >= 100) expect(widest(table)).toBeLessThanOrEqual(width);
    expect(table).not.toContain("…");
    expect(column(table, 5)).toBe(`Detail${DETAIL}`.replace(/\s/g, ""));
    expect(table).toContain("0 created, 1 updated, 0 unchanged, 0 failed");
  });

  test.each([80, 100, 120])("status at %i columns", (width) => {
    const table = statusTable([row], width);
    // Below 120 the row runs long rather than cut a token: its widest pieces are "production-" 11,
    // "directory)" 10, "BeyondTrustInsightsReadOnly" 27, "Registration" 12, "Status" 6 and the two
    // dates "2026-11-23" 10: 86 of text, 14 of padding, 8 borders = 108.
    if (width < 120) expect(widest(table)).toBe(108);
    else expect(widest(table)).toBeLessThanOrEqual(width);
    expect(column(table, 2)).toBe(`ConnectionPoint${row.connectionPoint}`);
    expect(column(table, 5)).toBe("LastActivity2026-11-2318:00Z"); // compact: no seconds, no milliseconds
  });

  test("a terminal wide enough keeps one line per row", () => {
    expect(statusTable([row], 400).trimEnd().split("\n")).toHaveLength(5);
  });
});
