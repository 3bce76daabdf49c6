import { azureConnectorConfig } from "../../connectors/azure/config";
import { MAX_SECRET_DAYS, MAX_SECRET_DAYS_ORIGIN, secretLifetimeDays } from "../../connectors/azure/secret-lifetime";
import { pingoneConnectorConfig } from "../../connectors/pingone/config";

const GUID = "0f5b7c1e-0000-4000-8000-000000000001";
const azure = (secretRotationDays: number) =>
  azureConnectorConfig.safeParse({ kind: "azure", name: "entra", tenantId: GUID, secretRotationDays });
const pingone = (secretRotationDays: number) =>
  pingoneConnectorConfig.safeParse({
    kind: "pingone",
    name: "ping",
    environmentId: GUID,
    region: "EU",
    secretRotationDays,
  });
const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

describe("client secret lifetimes, each where its vendor sets it", () => {
  test("Entra: one 730-day limit, from Microsoft's documented 24 months", () => {
    expect(MAX_SECRET_DAYS).toBe(730);
    expect(MAX_SECRET_DAYS_ORIGIN).toBe(
      "https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app (Add credentials, Option 2)",
    );
  });

  test("Entra: rotation up to the limit is accepted, a day more is refused saying why", () => {
    expect(azure(730).success).toBe(true);
    expect(messages(azure(731))).toEqual(["must be at most 730 days (Entra's limit is 24 months)"]);
    expect(secretLifetimeDays(730)).toBe(730);
  });

  test("PingOne: no secret lifetime, so a rotation beyond two years is accepted", () => {
    expect(pingone(1000).success).toBe(true);
    expect(messages(pingone(6))).toEqual(["must be at least 7 days"]);
  });
});
