import Module from "node:module";

/**
 * @pulumi/pulumi loads the whole TypeScript compiler (typescript.js, 9 MB) when it starts,
 * through its `typescript-shim`, for serializing function closures, which a mock run of
 * a program never does. Before Pulumi's first load on this thread, the shim is registered
 * as a stand-in that loads the real compiler on first use: same behaviour, a third less
 * start-up. A Pulumi without that shim, or one already loaded, is left as it is.
 */
export function deferPulumiTypescript(): void {
  let shim: string;
  try {
    shim = require.resolve("@pulumi/pulumi/typescript-shim");
  } catch {
    return;
  }
  if (require.cache[shim]) return;
  let typescript: Record<string | symbol, unknown> | undefined;
  const load = () => (typescript ??= require("typescript") as Record<string | symbol, unknown>);
  const standIn = new Module(shim);
  standIn.filename = shim;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });
  require.cache[shim] = standIn;
}
