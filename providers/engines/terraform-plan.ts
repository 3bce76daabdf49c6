import { byAddress, type ResourceAction, type ResourceChange } from "./resource-change";
import { maskLine } from "./run-engine";

/**
 * Terraform's machine-readable UI (`plan -json`): one JSON message per line, each with `type`
 * and a human `@message`. Reference: hashicorp/terraform
 * website/docs/internals/machine-readable-ui.mdx @ 097a928c2314ee341a55c270f8c8e37fa6d6a5b0
 * ("Planned Change": `change.resource.addr`, `resource_type`, `action` ∈ noop, create, read,
 * update, replace, delete, move; `reason` on replace and delete; `previous_resource` on a move).
 * The stream, unlike a plan file or `terraform show -json`, carries no variable values
 * (findings-26 §7: a sensitive TF_VAR canary appeared 0 times in it, 2 times in the plan file).
 */
interface UiMessage {
  readonly type?: string;
  readonly "@level"?: string;
  readonly "@message"?: string;
  readonly change?: {
    readonly resource?: { readonly addr?: string; readonly resource_type?: string };
    readonly previous_resource?: { readonly addr?: string };
    readonly action?: string;
    readonly reason?: string;
  };
  readonly diagnostic?: { readonly summary?: string; readonly detail?: string };
}

const ACTIONS: Readonly<Record<string, ResourceAction>> = {
  noop: "no-op",
  create: "create",
  read: "read",
  update: "update",
  replace: "replace",
  delete: "delete",
  // A configuration-driven move without other change: the resource stays, under its new address.
  move: "no-op",
};

/** Each line of the stream that is a JSON message; anything else (a plugin's stray line) is skipped. */
function messages(stream: string): UiMessage[] {
  return stream.split("\n").flatMap((line) => {
    if (!line.trim().startsWith("{")) return [];
    try {
      return [JSON.parse(line) as UiMessage];
    } catch {
      return [];
    }
  });
}

/** The plan's changes, one per `planned_change` message; an unknown action counts as an update, never a no-op. */
export function plannedChanges(stream: string): ResourceChange[] {
  const changes = messages(stream)
    .filter((m) => m.type === "planned_change" && m.change?.resource?.addr)
    .map(({ change }) => {
      const moved = change!.previous_resource?.addr;
      const reason = [change!.reason, moved ? `moved from ${moved}` : undefined].filter(Boolean).join("; ");
      return {
        address: change!.resource!.addr!,
        type: change!.resource!.resource_type ?? "unknown",
        action: ACTIONS[change!.action ?? ""] ?? "update",
        ...(reason ? { reason } : {}),
      };
    });
  return byAddress(changes);
}

/** The error diagnostics of the stream, one line each (summary: detail), masked; empty when none. */
export function planErrors(stream: string, secrets: readonly string[] = []): string {
  return messages(stream)
    .filter((m) => m.type === "diagnostic" && m["@level"] === "error")
    .map((m) => [m.diagnostic?.summary, m.diagnostic?.detail].filter(Boolean).join(": "))
    .map((text) => maskLine(text, secrets).replace(/\s+/g, " ").trim())
    .join("; ");
}

/** A stream line as a person reads it: the message's `@message`, or the line itself when it is not JSON. */
export function humanLine(line: string): string {
  const [message] = messages(line);
  return message?.["@message"] ?? line;
}

/**
 * The managed resources a synthesized stack (`cdk.tf.json`, Terraform's JSON syntax) declares,
 * compared with nothing: what an apply creates or updates, a destroy removes. Data sources only
 * read and are left out; a `for_each` resource is one entry, its instances known only at plan.
 */
export function declaredResources(json: {
  readonly resource?: Record<string, Record<string, unknown>>;
}): ResourceChange[] {
  const changes = Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, config]) => ({
      address: `${type}.${name}`,
      type,
      action: "declared" as const,
      ...(config && typeof config === "object" && "for_each" in config ? { reason: "for_each: one per key" } : {}),
    })),
  );
  return byAddress(changes);
}
