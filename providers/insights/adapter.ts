import { SecretValue } from "../../values/secret-value";
import type { ActivityEntry, ConnectivityState, Connector } from "./contract";

/** A form's values: plain strings, or secrets that are only revealed into a request body. */
export type RegistrationValues = Record<string, string | SecretValue>;

/** The values with every secret revealed: only for the one place that must send or check them. */
export function revealValues(values: RegistrationValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value instanceof SecretValue ? value.reveal() : value]),
  );
}

/** What the registration stage needs from Insights, whatever carries it. */
export interface InsightsApi {
  list(): Promise<Connector[]>;
  create(kind: string, values: RegistrationValues, idempotencyKey: string): Promise<Connector>;
  update(id: string, changes: RegistrationValues): Promise<Connector>;
  remove(id: string): Promise<void>;
  turnOff(id: string): Promise<Connector>;
  turnOn(id: string): Promise<Connector>;
  connectivity(id: string): Promise<{ state: ConnectivityState; checkedAt: string }>;
  activity(id: string): Promise<ActivityEntry[]>;
  /** The external ID the site's AWS connection panel shows, for the role's trust policy. */
  awsExternalId(): Promise<string>;
}
