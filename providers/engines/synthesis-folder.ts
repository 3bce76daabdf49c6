import { existsSync, lstatSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePrivateFolder } from "../../values/state-files";

/** The folder of one synthesized stack in a CDKTF output folder (cdktf's `Manifest.stacksFolder`). */
export function synthesizedStackDir(outdir: string, stackName: string): string {
  return join(outdir, "stacks", stackName);
}

/**
 * Synthesizes into a new empty folder of the toolkit's own (0700, random name, inside
 * `outdir`), then puts the one stack that will be applied in place of the old
 * `<outdir>/stacks/<stackName>`, which is removed whole. So Terraform applies exactly the
 * files the app wrote: cdktf writes its files into a stack folder without clearing it, and
 * its CLI removes only folders of stacks the app no longer has (@cdktf/cli-core 0.21.0,
 * src/lib/synth-stack.js, `orphanedDirectories`), so a `*.tf.json` another user dropped in
 * would be applied too. `outdir` itself must be this user's and writable by no one else.
 * Returns false, changing nothing, when the app synthesized no such stack.
 */
export async function synthesizeFresh(
  outdir: string,
  stackName: string,
  synthesize: (freshOutdir: string) => Promise<unknown>,
): Promise<boolean> {
  ensurePrivateFolder(outdir, { tighten: true });
  ensurePrivateFolder(join(outdir, "stacks"), { tighten: true });
  const fresh = mkdtempSync(join(outdir, ".synth-"));
  try {
    await synthesize(fresh);
    const built = synthesizedStackDir(fresh, stackName);
    if (!existsSync(join(built, "cdk.tf.json"))) return false;
    const target = synthesizedStackDir(outdir, stackName);
    // Moved into the fresh folder, so the one removal below takes the old stack with the rest.
    if (lstatSync(target, { throwIfNoEntry: false })) renameSync(target, join(fresh, "replaced"));
    renameSync(built, target);
    return true;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/**
 * For the cdktf CLI, which synthesizes into `outdir` itself (`npm run cdktf -- deploy`):
 * removes the stacks and manifest an earlier synthesis left there, so the next one starts
 * from an empty folder. `outdir` is made 0700 when missing; one of another user's, or
 * writable by others, is refused (values/private-folder.ts).
 */
export function emptySynthesisFolder(outdir: string): void {
  ensurePrivateFolder(outdir, { tighten: true });
  rmSync(join(outdir, "stacks"), { recursive: true, force: true });
  rmSync(join(outdir, "manifest.json"), { force: true });
}
