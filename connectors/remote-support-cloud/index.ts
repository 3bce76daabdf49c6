import { remoteAccessKind } from "../common/remote-access-kind";

/** Remote Support Cloud (guide: "Add a Remote Support Cloud Connector"). */
export const remoteSupportCloud = remoteAccessKind({
  kind: "remote-support-cloud",
  title: "Remote Support Cloud",
  hostKey: "domain",
  hostLabel: "Remote Support Domain",
  guideSection: "Connect Identity Security Insights to BeyondTrust Remote Support Cloud",
  apiAccountSection: "Create a Remote Support API Account",
});
