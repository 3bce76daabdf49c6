import type { EdgeChange } from "../../review/escalation";

export const tenant = "acme-prod";
/** A change of the kinds issue 25 names: a foreign trusted account, a secret sent to a new host, new grants. */
export const CHANGE: EdgeChange[] = [
  {
    change: "removed",
    edge: {
      type: "trust",
      tenant,
      connector: "acme-prod-aws",
      from: "arn:aws:iam::222222222222:root",
      label: "external ID",
    },
  },
  {
    change: "added",
    edge: { type: "trust", tenant, connector: "acme-prod-aws", from: "arn:aws:iam::666666666666:root" },
  },
  {
    change: "removed",
    edge: { type: "secret", tenant, connector: "acme-prod-okta", from: "env:OKTA_API_TOKEN", to: "acme.okta.com" },
  },
  {
    change: "added",
    edge: { type: "secret", tenant, connector: "acme-prod-okta", from: "env:OKTA_API_TOKEN", to: "evil.okta.com" },
  },
  ...["a", "b", "c", "d", "e"].map((name): EdgeChange => ({
    change: "added",
    edge: {
      type: "grant",
      tenant,
      connector: "acme-prod-gcp",
      to: "gcp-project:p1",
      label: `gcp-api ${name}`,
      access: "read",
    },
  })),
  {
    change: "added",
    edge: {
      type: "grant",
      tenant,
      connector: "acme-prod-azure",
      to: "azure-management-group:root",
      label: "azure-rbac-role Owner",
      access: "admin",
    },
  },
];
