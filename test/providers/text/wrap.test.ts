import { truncateToWidth, widestPiece, widestWord, wrapAtSeparators } from "../../../providers/text/wrap";

describe("wrapping at separators, never inside a token", () => {
  test("a line breaks at spaces first; a word that fits its line is never split", () => {
    expect(wrapAtSeparators("Allow Access to Support Session Reports", 16)).toEqual([
      "Allow Access to",
      "Support Session",
      "Reports",
    ]);
    expect(wrapAtSeparators("scope identitystore:DescribeGroup", 27)).toEqual(["scope", "identitystore:DescribeGroup"]);
  });

  test("a word wider than the line breaks after a separator (: / - .), keeping the separator on the line it ends", () => {
    expect(wrapAtSeparators("arn:aws:iam::aws:policy/SecurityAudit", 24)).toEqual([
      "arn:aws:iam::aws:policy/",
      "SecurityAudit",
    ]);
    expect(wrapAtSeparators("identitystore:DescribeGroup", 20)).toEqual(["identitystore:", "DescribeGroup"]);
    expect(wrapAtSeparators("acme.beyondtrustcloud.com", 22)).toEqual(["acme.beyondtrustcloud.", "com"]);
    expect(wrapAtSeparators("entra-tenant:0f5b7c1e-0000-4000", 14)).toEqual([
      "entra-tenant:",
      "0f5b7c1e-0000-",
      "4000",
    ]);
  });

  test("a separator between digits belongs to a number: dates, times and addresses stay whole", () => {
    expect(wrapAtSeparators("2026-12-06 09:18Z", 12)).toEqual(["2026-12-06", "09:18Z"]);
    expect(wrapAtSeparators("allow 10.0.0.1/32", 9)).toEqual(["allow", "10.0.0.1/32"]);
    expect(widestPiece("2026-12-06T09:18:56.113Z")).toBe("2026-12-06T09:18:56.113Z".length);
  });

  test("a piece with no separator wider than the line stays whole: the line runs long, nothing is cut", () => {
    const key = "BeyondTrustInsightsReadOnlyRoleForEveryMemberAccount";
    expect(wrapAtSeparators(`role/${key} ok`, 10)).toEqual(["role/", key, "ok"]);
  });

  test("every character is kept: the lines joined give the text back", () => {
    const text = "arn:aws:iam::222222222222:root (StringEquals sts:ExternalId)";
    for (const width of [1, 5, 12, 20, 40]) {
      const lines = wrapAtSeparators(text, width);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  test("a line that fits is left exactly as it is; line breaks in the text are kept", () => {
    expect(wrapAtSeparators("a  b", 10)).toEqual(["a  b"]);
    expect(wrapAtSeparators("first\nsecond line", 6)).toEqual(["first", "second", "line"]);
  });

  test("widths are what a terminal shows: wide characters count two columns", () => {
    expect(wrapAtSeparators("漢字 テナント", 6)).toEqual(["漢字", "テナント"]);
    expect(widestWord("漢字 テナント")).toBe(8);
  });

  test("a status line is cut to its width with an ellipsis, wide characters counted", () => {
    expect(truncateToWidth("waiting 5 s", 20)).toBe("waiting 5 s");
    expect(truncateToWidth("waiting 5 s", 8)).toBe("waiting…");
    expect(truncateToWidth("漢字テナント", 5)).toBe("漢字…");
  });
});
