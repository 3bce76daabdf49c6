import { SecretValue } from "../../config/secret-value";
import { GithubFlowError } from "./errors";
import { anonymousOctokit } from "./octokit";

/** What the flow keeps of a new app; the PEM only as a {@link SecretValue}. */
export interface CreatedGithubApp {
  readonly appId: number;
  readonly slug: string;
  /** The app's page, e.g. https://github.com/apps/bt-insights-acme. */
  readonly htmlUrl: string;
  readonly pem: SecretValue;
}

/**
 * Exchanges the manifest code for the app's credentials (POST /app-manifests/{code}/conversions).
 * The code is single-use and valid for one hour. The client and webhook secrets in the
 * answer are dropped: Insights signs in with the private key only.
 */
export async function convertManifestCode(apiUrl: string, code: string): Promise<CreatedGithubApp> {
  try {
    const { data } = await anonymousOctokit(apiUrl).rest.apps.createFromManifest({ code });
    return { appId: data.id, slug: data.slug ?? String(data.id), htmlUrl: data.html_url, pem: new SecretValue(data.pem) };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) {
      throw new GithubFlowError(
        `GitHub refused the manifest code (HTTP ${status}): it expired (codes are valid for one hour) or was already used. ` +
          "Run create-app again; if an app was half-created, delete it under the organization's Developer settings first.",
      );
    }
    throw new GithubFlowError(`converting the manifest code failed: ${(error as Error).message}`);
  }
}
