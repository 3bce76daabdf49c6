import { trustLabel } from "./edges";
import type { ActingIdentity, PlannedConnectorRecord, PlannedSecret } from "./model";

const hours = (seconds: number) => `${+(seconds / 3600).toFixed(2)} h`;

/**
 * Who may act as one identity the stack creates, as one line: each principal with its conditions,
 * the permissions boundary (or that there is none), the longest session, the owners.
 */
export function describeIdentity(identity: ActingIdentity): string {
  const trusted = identity.trustedBy.map((r) => {
    const label = trustLabel(r);
    return `${r.principal}${label ? ` (${label})` : " (no condition)"}`;
  });
  const parts = [
    trusted.length ? `trusted by ${trusted.join(", ")}` : "trusted by no principal",
    ...(identity.maxSessionSeconds !== undefined || identity.identity.startsWith("AWS role")
      ? [`permissions boundary ${identity.permissionsBoundary ?? "none"}`]
      : []),
    ...(identity.maxSessionSeconds !== undefined ? [`sessions up to ${hours(identity.maxSessionSeconds)}`] : []),
    ...(identity.owners?.length ? [`owned by ${identity.owners.join(", ")}`] : []),
  ];
  return `${identity.identity}: ${parts.join("; ")}`;
}

/** Where one secret goes, as one line: `env:PRA_CLIENT_SECRET (clientSecret) → app.beyondtrust.io/… (register), …`. */
export function describeSecretFlow(secret: PlannedSecret): string {
  const to = secret.destinations.map((d) => `${d.host} (${d.by})`).join(", ") || "nowhere";
  const outside = secret.outsideConfigFolder ? " [outside the config's folder]" : "";
  return `${secret.reference} (${secret.field})${outside} → ${to}`;
}

/** The lines a plan shows about who may act and where secrets go; empty when the plan holds neither. */
export function trustAndSecretLines(c: PlannedConnectorRecord): string[] {
  return [
    ...(c.identity ? [`identity: ${c.identity} (its stack name; a rename that keeps it is the same connector)`] : []),
    ...(c.trust ?? []).map((i) => `who may act: ${describeIdentity(i)}`),
    ...(c.secrets ?? []).map((s) => `secret: ${describeSecretFlow(s)}`),
  ];
}
