import { SecretValue } from "../../../values/secret-value";
import { printable } from "../../text/printable";
import { CallbackRejectedError, GithubFlowError } from "../errors";
import { anonymousOctokit, DEFAULT_GITHUB_HTTP_POLICY, type GithubHttpPolicy } from "../octokit";

/** What the flow keeps of a new app; the PEM only as a {@link SecretValue}. */
export interface CreatedGithubApp {
  readonly appId: number;
  readonly slug: string;
  /** The app's page, e.g. https://github.com/apps/bt-insights-acme. */
  readonly htmlUrl: string;
  readonly pem: SecretValue;
}

/** The account that owns the app: an organization's or user's login (an enterprise has none). */
function ownerLogin(owner: unknown): string | undefined {
  const login = (owner as { login?: unknown } | null | undefined)?.login;
  return typeof login === "string" ? login : undefined;
}

/**
 * Exchanges the manifest code for the app's credentials (POST /app-manifests/{code}/conversions).
 * The code is single-use and valid for one hour. An app owned by anyone but `organization`
 * is refused: a code anybody can mint for their own app must not become the org's
 * connector. That app is left alone (it is not the user's to delete). The client and
 * webhook secrets in the answer are dropped: Insights signs in with the private key only.
 */
export async function convertManifestCode(
  apiUrl: string,
  code: string,
  organization: string,
  policy: GithubHttpPolicy = DEFAULT_GITHUB_HTTP_POLICY,
): Promise<CreatedGithubApp> {
  let data;
  try {
    ({ data } = await anonymousOctokit(apiUrl, policy).rest.apps.createFromManifest({ code }));
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) {
      throw new GithubFlowError(
        `GitHub refused the manifest code (HTTP ${status}): it expired (codes are valid for one hour) ` +
          "or was already used. Run create-app again; if an app was half-created, " +
          "delete it under the organization's Developer settings first.",
      );
    }
    throw new GithubFlowError(`converting the manifest code failed: ${printable((error as Error).message)}`);
  }
  const owner = ownerLogin(data.owner);
  if (owner?.toLowerCase() !== organization.toLowerCase()) {
    throw new CallbackRejectedError(
      `refused a redirect whose code is for the app "${printable(data.slug ?? String(data.id))}" owned by ` +
        `${owner === undefined ? "no organization" : `"${printable(owner)}"`}, not ${organization}: ` +
        "it was not saved and nothing was deleted. Waiting for the confirmation on GitHub.",
    );
  }
  return { appId: data.id, slug: data.slug ?? String(data.id), htmlUrl: data.html_url, pem: new SecretValue(data.pem) };
}
