import { parseConfig } from "../../config/load";
import { UnreadableSourceError, type SourceReader } from "../../verify/reading";
import { verifyConfig } from "../../verify/run";
import { configWith, VALID } from "../helpers/config-text";

const config = parseConfig(configWith([VALID.okta, VALID["epm-cloud"]]), "tenants.yaml", "/nonexistent");
const limits = { requestTimeoutMs: 1000, maxAttempts: 1, sourceTimeoutMs: 50 };
const run = (okta: SourceReader<any>) =>
  verifyConfig(config, { env: {}, githubDir: "/nonexistent", limits, skipConnectivity: true, readers: { okta } });

describe("verifyConfig: each reader under a deadline, each kind accounted for", () => {
  test("a reader that never answers is cut off at the source deadline and its signal aborted", async () => {
    let signal: AbortSignal | undefined;
    const hanging: SourceReader<any> = {
      kind: "okta",
      read: (_connector, context) => {
        signal = context.signal;
        return new Promise(() => undefined);
      },
    };
    const [okta] = await run(hanging);
    expect(okta).toMatchObject({
      status: "unreadable",
      reason: "okta source: no result within 0.05 s (--source-timeout)",
    });
    expect(signal?.aborted).toBe(true);
  });

  test("an unreadable source names what and why; a kind without a reader is listed as not verified", async () => {
    const denied: SourceReader<any> = {
      kind: "okta",
      read: async () => {
        throw new UnreadableSourceError("GET /api/v1/apps", "HTTP 403 Forbidden");
      },
    };
    expect(await run(denied)).toMatchObject([
      { kind: "okta", status: "unreadable", reason: "GET /api/v1/apps: HTTP 403 Forbidden" },
      { kind: "epm-cloud", status: "not verified", reason: "no reader for epm-cloud yet" },
    ]);
  });

  test("grants a reader finds beyond the catalog are drift; a reader's own bug is not hidden as unreadable", async () => {
    const extra: SourceReader<any> = {
      kind: "okta",
      read: async () => ({
        facts: [],
        grants: [
          {
            source: "okta",
            scope: "okta-org:acme.okta.com",
            kind: "okta-scope",
            name: "okta.users.manage",
            access: "write",
            artifact: "GET /oauth2/v1/clients/x/grants",
          },
        ],
      }),
    };
    const [okta] = await run(extra);
    expect(okta.status).toBe("drift");
    expect(okta.drift).toContainEqual({
      change: "extra",
      access: "write",
      subject: "okta-scope okta.users.manage @ okta-org:acme.okta.com",
      where: "GET /oauth2/v1/clients/x/grants",
    });
    const buggy: SourceReader<any> = {
      kind: "okta",
      read: async () => {
        throw new TypeError("x is undefined");
      },
    };
    await expect(run(buggy)).rejects.toThrow("x is undefined");
  });
});
