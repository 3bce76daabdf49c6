import { X509Certificate } from "node:crypto";
import { runCliAsProcess } from "./cli-as-process";

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

// The in-process stand-in for a child must show what a child would: the environment it was given,
// and output that bypasses the CLI's streams (a vendor SDK's console or warnings). The CLI is
// replaced here by a program that does exactly those things.
const seen: { env?: NodeJS.ProcessEnv; trustedExtra?: boolean } = {};
jest.mock("../../cli/program", () => ({
  run: async (argv: readonly string[], io: { stdout: { write(text: string): unknown } }) => {
    seen.env = process.env;
    const extra = process.env.EXTRA;
    if (extra) seen.trustedExtra = require("node:tls").getCACertificates("default").map(fingerprint).includes(extra);
    io.stdout.write(`own output for ${argv.join(" ")}\n`);
    console.log("sdk says %s", "hello");
    console.error("sdk complains");
    process.stdout.write("direct to stdout\n");
    process.stderr.write("direct to stderr\n");
    process.emitWarning("an SDK deprecation");
    await new Promise((resolve) => setTimeout(resolve, 10));
    return Number(process.env.EXIT_WITH ?? 0);
  },
}));

test("the run sees only the environment it was given, and the suite's comes back afterwards", async () => {
  const before = process.env;
  const result = await runCliAsProcess(["verify"], { ONLY_THIS: "1", EXIT_WITH: "3" });
  expect(seen.env).toEqual({ ONLY_THIS: "1", EXIT_WITH: "3" });
  expect(result.code).toBe(3);
  expect(process.env).toBe(before);
});

test("console, direct writes and process warnings join stdout and stderr as a child would show them", async () => {
  const result = await runCliAsProcess(["plan"], {});
  expect(result.stdout).toBe("own output for plan\nsdk says hello\ndirect to stdout\n");
  expect(result.stderr).toBe("sdk complains\ndirect to stderr\nWarning: an SDK deprecation\n");
  // Restored: this goes to jest's console again, not into a finished run.
  expect(jest.isMockFunction(console.log)).toBe(false);
  expect(jest.isMockFunction(process.stdout.write)).toBe(false);
});

test("concurrent runs take turns, each with its own environment", async () => {
  const [first, second] = await Promise.all([
    runCliAsProcess(["a"], { EXIT_WITH: "1" }),
    runCliAsProcess(["b"], { EXIT_WITH: "2" }),
  ]);
  expect([first.code, second.code]).toEqual([1, 2]);
  expect(first.stdout).toContain("own output for a\n");
  expect(first.stdout).not.toContain("own output for b");
});

test("a NODE_EXTRA_CA_CERTS in the environment is trusted for the run only, as a child would trust it", async () => {
  const tls = require("node:tls") as typeof import("node:tls");
  const { mkdtempSync, rmSync, writeFileSync } = require("node:fs") as typeof import("node:fs");
  const original = tls.getCACertificates("default");
  // One of the trusted roots taken out of the defaults for this test: a certificate nothing trusts yet.
  // Compared by fingerprint: Node gives back a PEM it re-encoded, not the text it was given.
  const extra = original[0];
  const others = original.filter((one) => fingerprint(one) !== fingerprint(extra));
  const trusted = () => tls.getCACertificates("default").map(fingerprint);
  const folder = mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "extra-ca-"));
  try {
    tls.setDefaultCACertificates(others);
    expect(trusted()).not.toContain(fingerprint(extra));
    const file = `${folder}/ca.pem`;
    writeFileSync(file, extra);
    seen.trustedExtra = undefined;
    await runCliAsProcess(["verify"], { NODE_EXTRA_CA_CERTS: file, EXTRA: fingerprint(extra) });
    expect(seen.trustedExtra).toBe(true);
    expect(trusted()).not.toContain(fingerprint(extra));
  } finally {
    tls.setDefaultCACertificates(original);
    rmSync(folder, { recursive: true, force: true });
  }
});
