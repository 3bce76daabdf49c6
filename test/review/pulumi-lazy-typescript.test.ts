import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO } from "../helpers/cli";

// Jest keeps its own module registry, so the stand-in is checked in a plain node process
// running the compiled code, as a plan's Pulumi thread does.
const { build, isStale } = require(join(REPO, "scripts", "build.js"));

describe("Pulumi's TypeScript compiler is loaded on first use, not at start-up", () => {
  test("loading Pulumi leaves typescript.js unloaded; serializing a closure still parses it with TypeScript", () => {
    if (isStale()) build();
    const script = `
      require(${JSON.stringify(join(REPO, "dist", "review", "pulumi-lazy-typescript.js"))}).deferPulumiTypescript();
      const pulumi = require("@pulumi/pulumi");
      const loaded = () => Object.keys(require.cache).some((f) => /typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f));
      const atStart = loaded();
      const x = 41;
      pulumi.runtime.serializeFunction(() => x + 1).then((s) => console.log(JSON.stringify({ atStart, afterUse: loaded(), text: s.text.includes("x + 1") })));
    `;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ atStart: false, afterUse: true, text: true });
  });
});
