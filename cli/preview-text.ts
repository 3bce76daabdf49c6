import type { EnginePreview, ResourceAction } from "../lifecycle/engines/engine";
import { printable } from "../providers/text/printable";

/** Each action as a person reads it, Terraform's plan symbols first; `declared` depends on the command. */
const WORDS: Readonly<Record<Exclude<ResourceAction, "declared">, string>> = {
  create: "+ create",
  update: "~ update",
  replace: "-/+ replace",
  delete: "- delete",
  read: "<= read",
  "no-op": "  no change",
};

function word(action: ResourceAction, command: "deploy" | "destroy"): string {
  if (action !== "declared") return WORDS[action];
  return command === "deploy" ? "? create or update" : "? delete if deployed";
}

/**
 * One stack's preview as lines under its connector: where it comes from (the engine, or the
 * synthesized stack and why), then one line per resource: action, type, address, reason.
 */
export function previewLines(preview: EnginePreview, command: "deploy" | "destroy", indent = "  "): string[] {
  const header =
    preview.source === "engine"
      ? `${indent}preview: ${printable(preview.note)}`
      : `${indent}resources as synthesized, not compared with what is deployed (${printable(preview.note)}):`;
  if (preview.source === "engine" && preview.resources.every((r) => r.action === "no-op")) {
    return [header, `${indent}  no changes`];
  }
  const rows = preview.resources.map((r) => [word(r.action, command), r.type, r.address, r.reason] as const);
  const width = Math.max(0, ...rows.map(([action]) => action.length));
  return [
    header,
    ...rows.map(
      ([action, type, address, reason]) =>
        `${indent}  ${action.padEnd(width)}  ${printable(type)}  ${printable(address)}` +
        (reason ? `  (${printable(reason)})` : ""),
    ),
  ];
}
