import { requireTool } from "./require-tool";

describe("requireTool: a missing tool skips visibly here and fails on CI", () => {
  const savedCi = process.env.CI;
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)));
  afterEach(() => {
    warn.mockRestore();
    if (savedCi === undefined) delete process.env.CI;
    else process.env.CI = savedCi;
  });

  test("present: jest's own describe and test, no note, nothing printed", () => {
    delete process.env.CI;
    const tool = requireTool("openssl", "the TLS tests", () => true);
    expect(tool).toEqual({ available: true, describe, test, note: "" });
    expect(warn).not.toHaveBeenCalled();
  });

  test.each([undefined, "false", "0"])("missing with CI=%s: skipped, titled and said, with what to install", (ci) => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    const tool = requireTool("moto", "the AWS end-to-end deploy", () => false);
    expect(tool).toEqual({
      available: false,
      describe: describe.skip,
      test: test.skip,
      note: " [SKIPPED: moto missing]",
    });
    expect(warn.mock.calls).toEqual([
      ["SKIPPED the AWS end-to-end deploy: moto is not available (pip install 'moto[server]')"],
    ]);
  });

  test.each(["openssl", "moto", "cfn-lint", "chromium"] as const)(
    "missing %s with CI=true: an error naming it",
    (name) => {
      process.env.CI = "true";
      expect(() => requireTool(name, "its tests", () => false)).toThrow(
        new RegExp(`^${name} is required when CI is set \\(its tests\\): `),
      );
    },
  );

  test("terraform, which CI cannot install from npm or Debian, skips on CI too and says why", () => {
    process.env.CI = "true";
    expect(requireTool("terraform", "the filter test", () => false).available).toBe(false);
    expect(warn.mock.calls).toEqual([
      [
        "SKIPPED the filter test: terraform is not available (install Terraform >= 1.5, or OpenTofu as `terraform`);" +
          " allowed on CI: Terraform is in neither the npm registry nor Debian's packages, so CI may not have it",
      ],
    ]);
  });
});
