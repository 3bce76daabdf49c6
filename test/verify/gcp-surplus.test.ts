import {
  extraKeyDrift,
  policySearchGrants,
  searchResultScope,
  serviceAccountPolicyDrift,
} from "../../verify/readers/gcp-surplus";

const SA = "bt-insights@acme-insights.iam.gserviceaccount.com";
const RM = "//cloudresourcemanager.googleapis.com";

describe("GCP surplus: bindings anywhere in the organization, who may act as the account, keys", () => {
  test("a policy's resource in the catalog's vocabulary; anything else keeps its full name", () => {
    expect(searchResultScope(`${RM}/projects/acme-web`)).toBe("gcp-project:acme-web");
    expect(searchResultScope(`${RM}/folders/555`)).toBe("gcp-folder:555");
    expect(searchResultScope(`${RM}/organizations/42`)).toBe("gcp-organization:42");
    expect(searchResultScope("//bigquery.googleapis.com/projects/p/datasets/d")).toBe(
      "gcp-resource://bigquery.googleapis.com/projects/p/datasets/d",
    );
    expect(searchResultScope(`${RM}/projects/p/extra`)).toBe(`gcp-resource:${RM}/projects/p/extra`);
  });

  test("only bindings naming the account, never the organization's own (getIamPolicy reads it), conditions kept", () => {
    const grants = policySearchGrants(
      [
        {
          resource: `${RM}/organizations/42`,
          policy: { bindings: [{ role: "roles/owner", members: [`serviceAccount:${SA}`] }] },
        },
        {
          resource: `${RM}/projects/acme-web`,
          policy: {
            bindings: [
              { role: "roles/editor", members: ["user:a@acme.example", `serviceAccount:${SA.toUpperCase()}`] },
              { role: "roles/owner", members: ["user:a@acme.example"] },
              {
                role: "roles/storage.admin",
                members: [`serviceAccount:${SA}`],
                condition: { expression: "request.time < timestamp('2030-01-01T00:00:00Z')" },
              },
            ],
          },
        },
        { policy: { bindings: [{ role: "roles/owner", members: [`serviceAccount:${SA}`] }] } },
      ],
      SA,
      "42",
    );
    expect(grants.map((g) => [g.scope, g.name, g.access, g.condition])).toEqual([
      ["gcp-project:acme-web", "roles/editor", "write", undefined],
      ["gcp-project:acme-web", "roles/storage.admin", "admin", "request.time < timestamp('2030-01-01T00:00:00Z')"],
    ]);
  });

  test("on the account's own policy a non-read role is drift per member; a viewer is only shown", () => {
    const found = serviceAccountPolicyDrift(
      {
        bindings: [
          { role: "roles/iam.serviceAccountUser", members: ["user:a@acme.example", "group:b@acme.example"] },
          { role: "roles/iam.serviceAccountViewer", members: ["user:c@acme.example"] },
        ],
      },
      SA,
      "w",
    );
    expect(found.drift.map((d) => [d.subject, d.access])).toEqual([
      [`roles/iam.serviceAccountUser for user:a@acme.example on service account ${SA}`, "write"],
      [`roles/iam.serviceAccountUser for group:b@acme.example on service account ${SA}`, "write"],
    ]);
    expect(found.facts).toEqual([
      { label: "may view the service account", value: "user:c@acme.example (roles/iam.serviceAccountViewer)" },
    ]);
    expect(serviceAccountPolicyDrift({}, SA, "w")).toEqual({ drift: [], facts: [] });
  });

  test("two Google-provided keys are the stack's slots; disabled keys do not count; a third is the oldest", () => {
    const key = (id: string, day: number, extra: object = {}) => ({
      name: `projects/p/serviceAccounts/${SA}/keys/${id}`,
      validAfterTime: `2026-11-${String(day).padStart(2, "0")}T00:00:00Z`,
      ...extra,
    });
    expect(extraKeyDrift([key("a", 1), key("b", 2), key("c", 3, { disabled: true })], SA, "w")).toEqual([]);
    expect(extraKeyDrift([key("b", 2), key("a", 1), key("c", 3)], SA, "w").map((d) => d.subject)).toEqual([
      `service account key a of ${SA}`,
    ]);
    expect(extraKeyDrift([key("u", 1, { keyOrigin: "USER_PROVIDED" })], SA, "w")[0]).toMatchObject({
      change: "extra",
      access: "admin",
    });
  });
});
