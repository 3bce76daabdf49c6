import { z } from "zod";
import { beyondtrustCloudHost, connectorName } from "../../values/fields";
import { egressAllowances } from "../common/insights-egress";
import { remoteAccessApiAccountFields, remoteAccessKind } from "../common/remote-access-kind";

/** The `pra-cloud` entry of a tenant config. */
export const praCloudConnectorConfig = z.strictObject({
  kind: z.literal("pra-cloud").meta({
    description: "Privileged Remote Access Cloud: an API account made in the site's /login, registered in Insights.",
  }),
  name: connectorName,
  /** `acme.beyondtrustcloud.com`, the site's host. */
  subdomain: beyondtrustCloudHost.meta({
    description: "The PRA site's host, like acme.beyondtrustcloud.com (no scheme, no path).",
  }),
  ...remoteAccessApiAccountFields,
});
export type PraCloudConnectorConfig = z.output<typeof praCloudConnectorConfig>;

/** Privileged Remote Access Cloud (guide: "Add a Privileged Remote Access Connector"). */
export const praCloud = remoteAccessKind({
  kind: "pra-cloud",
  config: praCloudConnectorConfig,
  title: "Privileged Remote Access Cloud",
  hostKey: "subdomain",
  hostLabel: "Domain",
  guideSection: "Connect Identity Security Insights to BeyondTrust Privileged Remote Access Cloud",
  apiAccountSection: "Create a Privileged Remote Access API Account",
  sessionReports: { label: "Allow Access to Access Session Reports and Recordings" },
  // The console's step 3 (2.2) puts the Insights addresses in the API account's Network Restrictions.
  withEgressAllowances: (source, scope) =>
    egressAllowances(source, scope, "API account Network Restrictions", "Add a Privileged Remote Access Connector"),
});
