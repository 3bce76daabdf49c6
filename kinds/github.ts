import { NOT_ROTATED } from "../lifecycle/credential-created";
import type { StackAdapter } from "./adapter";

/** The redirect plan puts in the manifest it reads; the real flow's callback server chooses its own. */
const PLAN_REDIRECT_URL = "http://127.0.0.1/callback";

/**
 * GitHub: the App manifest an organization owner confirms in a browser. Its private key is
 * created by GitHub in that flow and not rotated by the toolkit.
 */
export const githubAdapter: StackAdapter<"github"> = {
  stack: async () => {
    const { githubAppManifest } = await import("../connectors/github/app-manifest");
    return (connector) => githubAppManifest(connector, PLAN_REDIRECT_URL);
  },
  extract: async () => (await import("../review/extract/github-manifest")).githubManifestGrants,
  reader: async () => (await import("../verify/readers/github")).githubReader,
  rotation: NOT_ROTATED,
  engine: async () => (await import("../lifecycle/engines/github-app")).githubAppEngine,
};
