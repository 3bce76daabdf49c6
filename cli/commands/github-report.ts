import { formatReport, hasDrift, type PermissionReport } from "../../providers/github/permission-report";
import { printableDeep } from "../../providers/text/printable";
import { jsonDocument, type Renderers } from "../../values/report-format";

/** What the github commands print: where the app is (create-app, resume) and its permissions against the catalog. */
export interface GithubAppReport {
  readonly installedAppUrl?: string;
  /** The credentials file: a path, never its content. */
  readonly credentials?: string;
  readonly permissions: PermissionReport;
}

function githubAppText(report: GithubAppReport): string {
  const where = [
    ...(report.installedAppUrl === undefined ? [] : [`installedAppUrl: ${report.installedAppUrl}\n`]),
    ...(report.credentials === undefined
      ? []
      : [`credentials: ${report.credentials} (app ID and private key, mode 0600)\n`]),
  ];
  return `${where.join("")}${formatReport(report.permissions)}`;
}

/** The github commands' formats. GitHub's strings are stripped of control characters in both. */
export const GITHUB_APP_RENDERERS = {
  table: (report) => githubAppText(printableDeep(report)),
  json: (report) => jsonDocument({ ...printableDeep(report), drift: hasDrift(report.permissions) }),
} satisfies Renderers<GithubAppReport, "table" | "json">;
