import { existsSync, lstatSync, readFileSync, unlinkSync } from "node:fs";
import { resolve } from "node:path";
import { writePrivateFile } from "../../values/state-files";
import { InvalidConfigError } from "../../values/errors";

/**
 * A stack's state where the toolkit no longer looks for it, that it will not guess about: moving it
 * would overwrite state, leaving it would start the stack from empty state (a second app and secret,
 * a service account that "already exists", the old credentials orphaned). Nothing was synthesized.
 */
export class LegacyStateError extends InvalidConfigError {}

/**
 * Where cdktf kept a stack's local state on main 0a6b1ad–48c0d67: its default,
 * `terraform.<stack>.tfstate` in the app's working folder (the toolkit's root, where `up` and
 * `npm run cdktf` synthesize). From ff3f49e on it is `.state/terraform/<stack>.tfstate`.
 */
export function legacyStatePath(stackName: string, workingFolder: string): string {
  return resolve(workingFolder, `terraform.${stackName}.tfstate`);
}

/** A file Terraform would read as state: present and not empty (an empty file is "no state yet"). */
function holdsState(path: string): boolean {
  if (!existsSync(path)) return false;
  const stat = lstatSync(path);
  // Never read state through a link someone else may have planted; say so instead of guessing.
  if (stat.isSymbolicLink() || !stat.isFile()) {
    throw new LegacyStateError(`${path} is not a regular file; move the state it points to by hand`);
  }
  return stat.size > 0;
}

/**
 * Before the stack's backend points at `statePath`: state left at the legacy path is moved there
 * (0600, written durably, then the old file and its `.backup` removed) and said on `notice`, when
 * `statePath` holds none. When both hold state, or the stack's state lives in S3 (`statePath`
 * undefined), it stops with a {@link LegacyStateError} naming both places and what to do.
 */
export function adoptLegacyState(
  stackName: string,
  legacyPath: string,
  statePath: string | undefined,
  notice: (line: string) => void,
): void {
  if (!legacyStateToMove(stackName, legacyPath, statePath)) return;
  writePrivateFile(statePath!, readFileSync(legacyPath));
  const backup = `${legacyPath}.backup`;
  if (holdsState(backup)) writePrivateFile(`${statePath}.backup`, readFileSync(backup));
  unlinkSync(legacyPath);
  if (existsSync(backup)) unlinkSync(backup);
  notice(`stack ${stackName}: moved its Terraform state from ${legacyPath} (before main ff3f49e) to ${statePath}`);
}

/**
 * Where a preview reads the stack's state without moving anything: the legacy path while only it
 * holds state (where the move of the next apply takes it from), else `statePath`. It stops as
 * {@link adoptLegacyState} would, so a preview tells of the same stop the apply would meet.
 */
export function stateToPreview(stackName: string, legacyPath: string, statePath: string): string {
  return legacyStateToMove(stackName, legacyPath, statePath) ? legacyPath : statePath;
}

/** Whether state at the legacy path is to move to `statePath`; throws where moving it would be a guess. */
function legacyStateToMove(stackName: string, legacyPath: string, statePath: string | undefined): boolean {
  if (!holdsState(legacyPath)) return false;
  if (statePath === undefined) {
    throw new LegacyStateError(
      `stack ${stackName}: ${legacyPath} holds its Terraform state from before the state moved (main before ff3f49e), ` +
        `but this app keeps state in S3 (the stateBackend context). Push it once: terraform -chdir=<the stack's ` +
        `folder> state push ${legacyPath}, then remove the file`,
    );
  }
  if (holdsState(statePath)) {
    throw new LegacyStateError(
      `stack ${stackName}: both ${legacyPath} (where state was kept before main ff3f49e) and ${statePath} hold ` +
        `Terraform state. Compare them (terraform show <file>), keep the one that matches what is deployed at ` +
        `${statePath}, and remove ${legacyPath}`,
    );
  }
  return true;
}
