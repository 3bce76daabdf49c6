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
