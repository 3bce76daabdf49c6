import type { StatusRow } from "../../register/report";

/**
 * A column of a cli-table3 table read top to bottom, as a person reads a wrapped cell:
 * its pieces joined with no white space, header first (so "Tenant" + every row's value).
 */
export function tableColumn(table: string, index: number): string {
  return table
    .split("\n")
    .filter((line) => line.startsWith("│"))
    .map((line) => line.split("│")[index + 1].trim())
    .join("")
    .replace(/\s+/g, "");
}

/**
 * Whether `token` can be read whole in a table: on one line of a column, or across lines of a
 * column broken only where a person would read a break, after a separator (`: / - .`) or at a
 * space. A line broken mid-token (`identitystore:Des` / `cribeGroup`) reads as two words, so
 * the token is not found. Colour codes are ignored.
 */
export function readsWhole(table: string, token: string): boolean {
  const rows = table
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.startsWith("│"));
  const columns = Math.max(0, ...rows.map((row) => row.split("│").length - 2)); // tables of any shape
  for (let column = 0; column < columns; column++) {
    const pieces = rows.map((row) => (row.split("│")[column + 1] ?? "").trim());
    for (let first = 0; first < pieces.length; first++) {
      let text = pieces[first];
      for (let next = first + 1; text.length < token.length && next < pieces.length && pieces[next]; next++)
        text += /[:/.-]$/.test(text) ? pieces[next] : ` ${pieces[next]}`;
      if (text.includes(token)) return true;
    }
  }
  return false;
}

/** The dashboard row of issue 29: a product host and server times with milliseconds. */
export const ISSUE_STATUS_ROW: StatusRow = {
  tenant: "acme-prod",
  name: "BeyondTrust EPM",
  kind: "epm-cloud",
  connectionPoint: "acme.beyondtrustcloud.com",
  connectivity: "Connected",
  status: "On",
  lastActivity: "2026-12-06T09:18:56.113Z",
  lastUpdate: "2026-12-06T09:18:56.113Z",
};
