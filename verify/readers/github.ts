import { existsSync } from "node:fs";
import { join } from "node:path";
import { githubUrls, type GithubConnectorConfig } from "../../connectors/github/config";
import { readCredentialsFile } from "../../providers/github/credentials-file";
import { GithubFlowError } from "../../providers/github/errors";
import type { PermissionReport } from "../../providers/github/permission-report";
import { UnreadableSourceError, type Drift, type DriftChange, type SourceReader } from "../reading";

/** The lines of `github verify`'s report, in verify's words. */
const REPORT_CHANGES: [keyof PermissionReport, DriftChange][] = [
  ["missing", "missing"],
  ["extra", "extra"],
  ["wrongLevel", "wrong level"],
  ["pendingUpgrade", "pending update"],
];

function reportDrift(report: PermissionReport, scope: string): Drift[] {
  return REPORT_CHANGES.flatMap(([list, change]) =>
    report[list].map((line) => ({
      change,
      subject: `github-app-permission ${line} @ ${scope}`,
      where: "GET /orgs/{org}/installation",
    })),
  );
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
