import { printable } from "../text/printable";

/** How an installation's permissions differ from the catalog's. Empty lists mean no drift. */
export interface PermissionReport {
  /** In the catalog, not granted at all. */
  readonly missing: string[];
  /** Granted, not in the catalog. */
  readonly extra: string[];
  /** Granted at another level than the catalog's (e.g. write instead of read). */
  readonly wrongLevel: string[];
  /** The app asks for something the organization has not accepted yet: an owner must approve the update. */
  readonly pendingUpgrade: string[];
}

/**
 * Compares what the catalog demands (all `read`), what the installation holds, and
 * what the app itself currently requests (an app's permissions run ahead of its
 * installations until an owner accepts the change).
 */
export function comparePermissions(
  expected: Record<string, string>,
  granted: Record<string, string>,
  requestedByApp: Record<string, string>,
): PermissionReport {
  const keys = (record: Record<string, string>) => Object.keys(record).sort();
  return {
    missing: keys(expected)
      .filter((key) => !(key in granted))
      .map((key) => `${key}: ${expected[key]}`),
    extra: keys(granted)
      .filter((key) => !(key in expected))
      .map((key) => `${key}: ${granted[key]}`),
    wrongLevel: keys(expected)
      .filter((key) => key in granted && granted[key] !== expected[key])
      .map((key) => `${key}: ${granted[key]} (catalog: ${expected[key]})`),
    pendingUpgrade: keys(requestedByApp)
      .filter((key) => requestedByApp[key] !== granted[key])
      .map((key) => `${key}: ${requestedByApp[key]} requested, installation has ${granted[key] ?? "none"}`),
  };
}

export function hasDrift(report: PermissionReport): boolean {
  return [report.missing, report.extra, report.wrongLevel, report.pendingUpgrade].some((list) => list.length > 0);
}

/** The report for a terminal; permission names come from GitHub, so control characters are stripped. */
export function formatReport(report: PermissionReport): string {
  if (!hasDrift(report)) return "permissions match the catalog: every one read, nothing extra, no pending update\n";
  const lines = [
    ...report.missing.map((p) => `missing      ${p}`),
    ...report.extra.map((p) => `extra        ${p}`),
    ...report.wrongLevel.map((p) => `wrong level  ${p}`),
    ...report.pendingUpgrade.map((p) => `pending      ${p} (an organization owner must accept the update)`),
  ];
  return `permission drift on the installation:\n${lines.map((l) => `  ${printable(l)}`).join("\n")}\n`;
}
