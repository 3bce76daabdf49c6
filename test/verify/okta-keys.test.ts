import { oktaConnectorConfig } from "../../connectors/okta/config";
import { keyAgeDrift } from "../../verify/readers/okta-keys";

const connector = oktaConnectorConfig.parse({
  kind: "okta",
  name: "Okta",
  domain: "acme.okta.com",
  keyRotationDays: 30,
});
const now = new Date("2026-11-23T12:00:00Z");

describe("Okta reader: the app's signing key against keyRotationDays", () => {
  test("the youngest active key past its rotation is drift, with age and limit", () => {
    const keys = [
      { kid: "old", status: "ACTIVE", created: "2026-09-01T00:00:00Z" },
      { kid: "young", status: "ACTIVE", created: "2026-10-20T12:00:00Z" },
      { kid: "disabled", status: "INACTIVE", created: "2026-11-22T00:00:00Z" },
    ];
    expect(keyAgeDrift(connector, keys, "GET jwks", now)).toEqual({
      facts: [
        { label: "signing key", value: "young, 34 days old" },
        { label: "older keys", value: "1 still active (rotation under way)" },
      ],
      drift: [
        {
          change: "credential too old",
          subject: "okta app key young @ okta-org:acme.okta.com",
          detail: "34 days old, keyRotationDays 30",
          where: "GET jwks",
        },
      ],
    });
  });

  test("a key within its rotation period is no drift; no dated key is no finding", () => {
    const fresh = [{ kid: "k", status: "ACTIVE", created: "2026-11-01T00:00:00Z" }];
    expect(keyAgeDrift(connector, fresh, "w", now).drift).toEqual([]);
    expect(keyAgeDrift(connector, [{ kid: "k" }], "w", now)).toEqual({ facts: [], drift: [] });
  });
});
