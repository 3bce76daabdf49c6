import type { SecretValue } from "../../../values/secret-value";

/** A GitHub App manifest (docs.github.com: "Registering a GitHub App from a manifest"). */
export interface GithubAppManifest {
  name: string;
  url: string;
  hook_attributes: { url: string; active: boolean };
  redirect_url: string;
  public: boolean;
  default_permissions: Record<string, "read">;
  default_events: string[];
}

/**
 * Where an app belongs and what it must be granted, as plain values: the caller derives
 * them from the connector's config, so the flow knows nothing of the catalog.
 */
export interface GithubAppTarget {
  /** e.g. https://github.com, or a GitHub Enterprise Server's web address. */
  readonly webUrl: string;
  /** e.g. https://api.github.com. */
  readonly apiUrl: string;
  readonly organization: string;
  /** What the app must request and the installation grant, each `read`. */
  readonly permissions: Readonly<Record<string, "read">>;
}

/** A target the manifest flow can create an app for: also the manifest to post. */
export interface GithubAppBlueprint extends GithubAppTarget {
  /** The manifest, given the local callback GitHub redirects to. */
  readonly manifest: (redirectUrl: string) => GithubAppManifest;
}

/** Where the flow hands what it created, step by step (the credentials file, or a test's recorder). */
export interface GithubAppHandoff {
  /** Right after the conversion, before anything else can fail: the PEM cannot be downloaded again. */
  appCreated(app: { appId: number; slug: string; pem: SecretValue }): Promise<void> | void;
  /** Once the organization installation exists. */
  appInstalled(details: { appId: number; installedAppUrl: string }): Promise<void> | void;
}
