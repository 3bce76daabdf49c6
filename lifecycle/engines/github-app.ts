import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { githubUrls, type GithubConnectorConfig } from "../../connectors/github/config";
import { printable } from "../../providers/text/printable";
import { githubCredentialsSource } from "../../register/outputs";
import { readCredentialsFile } from "../../providers/github/credentials-file";
import { clientFor, findOrgInstallation } from "../../providers/github/installation";
import { statePath } from "../../config/local-state";
import type { ConnectorEngine, EngineTarget } from "./engine";
import { shellLine } from "../../providers/text/shell-word";
import { ExternalError } from "../../values/errors";

/**
 * `deploy` cannot create the app: an organization owner confirms it in a browser. It fails with
 * this error, whose message is the exact command to run; re-running `up` afterwards goes on.
 */
export class GithubAppPendingError extends ExternalError {
  constructor(readonly command: string) {
    super(command);
  }
}

/**
 * The GitHub App of a `github` connector, created by `github create-app` (the manifest flow).
 * `deploy` returns the credentials file's values once the file is complete, else throws
 * {@link GithubAppPendingError}. `destroy` removes the app's installation on the organization
 * (DELETE /app/installations/{id}, signed as the app) and deletes the credentials file. The app
 * registration itself is left behind and `destroy` still succeeds: GitHub lets only an owner
 * delete it, in the web UI, and `down` reports that (lifecycle/down.ts).
 */
export function githubAppEngine(target: EngineTarget, connector: GithubConnectorConfig): ConnectorEngine {
  const { step, settings } = target;
  const dir = join(settings.stateDir, "github");
  const file = join(dir, `${step.stackName}.json`);
  const createApp = shellLine([
    "insights-connectors",
    "github",
    "create-app",
    "--config",
    settings.configFile,
    "--tenant",
    target.tenant,
    ...(target.severalOfKind ? ["--connector", connector.name] : []),
    // create-app's default file is where this run looks unless the state folder was moved.
    ...(file === resolve(statePath("github", `${step.stackName}.json`)) ? [] : ["--out", file]),
  ]);
  return {
    step,
    missing: () => undefined,
    describe: (action) =>
      action === "deploy"
        ? [`read ${file} (else stop: an organization owner runs ${createApp})`]
        : [`DELETE /app/installations/<id> on ${connector.organization} (as the app)`, `rm ${file}`],
    localFiles: () =>
      existsSync(file)
        ? [
            {
              path: file,
              what: "the GitHub App's credentials",
              removedByDestroy: true,
              why: "deleted with the installation",
            },
          ]
        : [],
    async preview(action) {
      const exists = existsSync(file);
      const app = {
        address: connector.name,
        type: "GitHub App",
        action: exists ? ("no-op" as const) : ("create" as const),
        reason: exists
          ? `its credentials are in ${file}`
          : `an organization owner creates it in a browser: ${createApp}`,
      };
      const installation = {
        address: `installation on ${connector.organization}`,
        type: "GitHub App installation",
        action: exists ? ("delete" as const) : ("declared" as const),
        reason: exists ? "as the app, with its credentials" : "none without the app's credentials",
      };
      return action === "deploy"
        ? { source: "synthesized", note: "GitHub's manifest flow creates the app, not an engine", resources: [app] }
        : {
            source: "synthesized",
            note: "the app registration itself stays: only an owner can delete it, in GitHub's settings",
            resources: [installation],
          };
    },
    async deploy() {
      const outputs = await githubCredentialsSource(dir).outputs(step.stackName, "github-app-manifest");
      if (!outputs) throw new GithubAppPendingError(createApp);
      return outputs;
    },
    async destroy(context) {
      if (!existsSync(file)) return;
      const credentials = readCredentialsFile(file);
      const { apiUrl } = githubUrls(connector);
      const app = { apiUrl, appId: credentials.appId, pem: credentials.pem, organization: connector.organization };
      const client = clientFor(app);
      const installation = await findOrgInstallation(client, connector.organization);
      if (installation) {
        context.onOutput?.(
          `deleting the installation ${installation.installationId} of app ${credentials.slug} on ${connector.organization}`,
        );
        try {
          await client.rest.apps.deleteInstallation({ installation_id: installation.installationId });
        } catch (error) {
          throw new Error(
            `removing the app's installation on ${connector.organization} failed: ${printable(
              (error as Error).message,
            )}`,
            { cause: error },
          );
        }
      }
      rmSync(file, { force: true });
    },
  };
}
