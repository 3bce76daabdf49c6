import { closestMatches, didYouMean } from "../../values/did-you-mean";
import { KIND_NAMES } from "../../connectors/catalog";

const AWS_FIELDS = ["kind", "name", "managementAccountId", "trustedPrincipal", "externalId", "organization"];
const PINGONE_REGIONS = ["NA", "EU", "CA", "AP"];

describe("did you mean", () => {
  test.each([
    ["aws-account", ["aws"], KIND_NAMES], // the case: a longer word that starts with the kind
    ["azuread", ["azure"], KIND_NAMES],
    ["okat", ["okta"], KIND_NAMES],
    ["AWS", ["aws"], KIND_NAMES],
    ["password-safe", ["password-safe-cloud", "password-safe-onprem"], KIND_NAMES],
    ["managmentAccountId", ["managementAccountId"], AWS_FIELDS],
    ["htp", ["http"], ["http", "sheet", "emulator"]],
  ])("%s → %j", (word, expected, candidates) => {
    expect(closestMatches(word, candidates)).toEqual(expected);
  });

  test.each([
    ["US", PINGONE_REGIONS], // one edit from EU, but half the word: no guess beats a wrong one
    ["entra", KIND_NAMES],
    ["", KIND_NAMES],
    ["aws", KIND_NAMES], // the word itself is no suggestion
  ])("%j gets no suggestion", (word, candidates: readonly string[]) => {
    expect(closestMatches(word, candidates)).toEqual([]);
  });

  test("the phrase to append", () => {
    expect(didYouMean("permissionBoundary", ["permissionsBoundary", "roleName"])).toBe(
      '; did you mean "permissionsBoundary"?',
    );
    expect(didYouMean("pra", KIND_NAMES)).toBe('; did you mean "pra-cloud" or "pra-privileged-identity"?');
    expect(didYouMean("zzz", KIND_NAMES)).toBe("");
  });
});
