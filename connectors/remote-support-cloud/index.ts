import { z } from "zod";
import { beyondtrustCloudHost, connectorName } from "../../values/fields";
import { remoteAccessApiAccountFields, remoteAccessKind } from "../common/remote-access-kind";
import { VENDOR_DOCS } from "../origins";

/** The `remote-support-cloud` entry of a tenant config. */
export const remoteSupportCloudConnectorConfig = z.strictObject({
  kind: z.literal("remote-support-cloud").meta({
    description: "Remote Support Cloud: an API account made in the site's /login, registered in Insights.",
  }),
  name: connectorName,
  /** `acme.beyondtrustcloud.com`, the site's host. */
  domain: beyondtrustCloudHost.meta({
    description: "The Remote Support site's host, like acme.beyondtrustcloud.com (no scheme, no path).",
  }),
  ...remoteAccessApiAccountFields,
});
export type RemoteSupportCloudConnectorConfig = z.output<typeof remoteSupportCloudConnectorConfig>;

/** Remote Support Cloud (guide: "Add a Remote Support Cloud Connector"). */
export const remoteSupportCloud = remoteAccessKind({
  kind: "remote-support-cloud",
  config: remoteSupportCloudConnectorConfig,
  title: "Remote Support Cloud",
  hostKey: "domain",
  hostLabel: "Remote Support Domain",
  guideSection: "Connect Identity Security Insights to BeyondTrust Remote Support Cloud",
  apiAccountSection: "Create a Remote Support API Account",
  // The guide repeats PRA's "Access Session" label here; Remote Support's reporting API
  // pages name the permission after its own support sessions.
  sessionReports: {
    label: "Allow Access to Support Session Reports and Recordings",
    origin: `${VENDOR_DOCS.remoteSupportSessionReports} (Download reports with SupportSession)`,
  },
});
