import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { GITHUB_PROPAGATION } from "./propagation";
import { connectorName, githubOrganization, httpsUrlField } from "../../values/fields";

/** The `github` entry of a tenant config (guide: "Connect Identity Security Insights to GitHub"). */
export const githubConnectorConfig = z.strictObject({
  kind: z.literal("github").meta({
    description: "A GitHub organization: a GitHub App with read permissions, created by the App manifest flow.",
  }),
  name: connectorName,
  organization: githubOrganization.meta({
    description: "The organization's login (as in github.com/<organization>); the app is installable only there.",
  }),
  /** GitHub App names are unique across GitHub; the default includes the organization. */
  appName: z.string().trim().min(1).max(34, "must be at most 34 characters (GitHub's limit)").optional().meta({
    description:
      "The GitHub App's name, at most 34 characters and unique across GitHub; default `BT Insights <organization>`.",
  }),
  /** GitHub Enterprise Server: REST API base, e.g. https://ghe.example.com/api/v3 (plain http only for a local fake). */
  apiUrl: httpsUrlField("https://ghe.example.com/api/v3", { loopbackHttp: true })
    .optional()
    .meta({
      description:
        "GitHub Enterprise Server only: the REST API base, e.g. https://ghe.example.com/api/v3 (default: " +
        "`webUrl` + /api/v3, or https://api.github.com).",
    }),
  /** GitHub Enterprise Server: web base, e.g. https://ghe.example.com. */
  webUrl: httpsUrlField("https://ghe.example.com", { loopbackHttp: true }).optional().meta({
    description:
      "GitHub Enterprise Server only: the web base, e.g. https://ghe.example.com (default https://github.com).",
  }),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(GITHUB_PROPAGATION),
});
export type GithubConnectorConfig = z.output<typeof githubConnectorConfig>;

/** The app name used when the config does not set one. */
export function githubAppName(config: GithubConnectorConfig): string {
  return config.appName ?? `BT Insights ${config.organization}`.slice(0, 34);
}

/** Where the app is created and where its API lives: github.com unless the config names a GitHub Enterprise Server. */
export function githubUrls(config: GithubConnectorConfig): { webUrl: string; apiUrl: string } {
  const webUrl = (config.webUrl ?? "https://github.com").replace(/\/+$/, "");
  const apiUrl = (config.apiUrl ?? (config.webUrl ? `${webUrl}/api/v3` : "https://api.github.com")).replace(/\/+$/, "");
  return { webUrl, apiUrl };
}
