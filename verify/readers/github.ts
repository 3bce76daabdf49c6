import { existsSync } from "node:fs";
import { join } from "node:path";
import { githubUrls, type GithubConnectorConfig } from "../../connectors/github/config";
import { readCredentialsFile } from "../../providers/github/credentials-file";
import { GithubFlowError } from "../../providers/github/errors";
import type { PermissionReport } from "../../providers/github/permission-report";
import { githubAppPermissionAccess } from "../../review/access/github-app-permission";
import { UnreadableSourceError, type Drift, type DriftChange, type SourceReader } from "../reading";

/** The lines of `github verify`'s report but its extras, in verify's words. */
const REPORT_CHANGES: [Exclude<keyof PermissionReport, "extra">, Exclude<DriftChange, "extra" | "wider scope">][] = [
  ["missing", "missing"],
  ["wrongLevel", "wrong level"],
  ["pendingUpgrade", "pending update"],
];

function reportDrift(report: PermissionReport, scope: string): Drift[] {
  const where = "GET /orgs/{org}/installation";
  const subject = (line: string) => `github-app-permission ${line} @ ${scope}`;
  // An extra line is `<permission>: <level>`; the level is the access GitHub grants.
  const extras = report.extra.map((line): Drift => ({
    change: "extra",
    subject: subject(line),
    access: githubAppPermissionAccess(line.split(": ").pop() ?? ""),
    where,
  }));
  const others = REPORT_CHANGES.flatMap(([list, change]) =>
    report[list].map((line): Drift => ({ change, subject: subject(line), where })),
  );
  return [...extras, ...others];
}

/**
 * GitHub: the existing check (`github verify`, providers/github/installation-permissions.ts) run as it is, with
 * the credentials file `github create-app` wrote; its report becomes verify's drift lines.
 */
export const githubReader: SourceReader<GithubConnectorConfig> = {
  kind: "github",
  async read(connector, context) {
    const file = join(context.githubDir, `${context.stackName}.json`);
    if (!existsSync(file)) {
      throw new UnreadableSourceError(
        "GitHub App credentials",
        `no file ${file}: github create-app writes it (or pass --github-dir)`,
      );
    }
    try {
      const credentials = readCredentialsFile(file);
      const { clientFor, findOrgInstallation } = await import("../../providers/github/installation");
      const { permissionReport } = await import("../../providers/github/installation-permissions");
      const { manifestPermissions } = await import("../../connectors/github/app-manifest");
      // Read only: unlike `github verify`, this never writes to the credentials file.
      const app = {
        apiUrl: githubUrls(connector).apiUrl,
        appId: credentials.appId,
        pem: credentials.pem,
        organization: connector.organization,
      };
      const client = clientFor(app);
      const installation = await findOrgInstallation(client, connector.organization);
      if (!installation) {
        throw new GithubFlowError(`the app is not installed on ${connector.organization}`);
      }
      const { installationId } = installation;
      const report = await permissionReport(client, installation, manifestPermissions());
      const scope = `github-org:${connector.organization.toLowerCase()}`;
      const facts = [
        { label: "app", value: `${credentials.slug} (ID ${credentials.appId}), installation ${installationId}` },
      ];
      return { facts, drift: reportDrift(report, scope) };
    } catch (error) {
      if (error instanceof GithubFlowError)
        throw new UnreadableSourceError(`GitHub ${connector.organization}`, error.message, { cause: error });
      throw error;
    }
  },
};
