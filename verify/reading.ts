import type { ConnectorConfig } from "../connectors/catalog";
import type { AccessLevel } from "../connectors/grant";
import type { ExtractedGrant } from "../plan/extracted-grant";
import { ExternalError } from "../values/errors";

/** The kinds of drift verify reports; each line of output names one. */
export const DRIFT_CHANGES = [
  "missing",
  "extra",
  "wrong level",
  "wider scope",
  "trust condition changed",
  "condition changed",
  "account without role",
  "pending update",
  "credential too old",
  "disabled",
] as const;
export type DriftChange = (typeof DRIFT_CHANGES)[number];

/** Changes that hand the identity more than the catalog does: each says how much, so a reader can triage. */
export const SURPLUS_CHANGES = ["extra", "wider scope"] as const satisfies readonly DriftChange[];
type SurplusChange = (typeof SURPLUS_CHANGES)[number];

interface DriftFields {
  /** What differs, e.g. `aws-managed-policy arn:…:policy/AdministratorAccess @ aws-account:1…`. */
  readonly subject: string;
  /** What exactly differs, e.g. `catalog read, deployed admin`. */
  readonly detail?: string;
  /** Where it was read, e.g. `IAM role BeyondTrustInsightsReadOnly, inline policy Backdoor`. */
  readonly where?: string;
}

/**
 * One way a deployed connector differs from the catalog. A surplus (`extra`, `wider scope`)
 * always carries the access level `review/access/*` gives it (anything unrecognised is write),
 * so the compiler, not a reviewer, catches a reader that forgets to say how much was found.
 */
export type Drift =
  | (DriftFields & { readonly change: SurplusChange; readonly access: AccessLevel })
  | (DriftFields & { readonly change: Exclude<DriftChange, SurplusChange>; readonly access?: AccessLevel });

/** Something the reader learned that is worth showing but is not a grant (role ARN, stack instances). */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** What one reader found at the source. */
export interface SourceReading {
  /**
   * Grants as the source holds them, in the catalog's vocabulary; verify compares them
   * with the catalog. Left out when the source's own check compared them (GitHub).
   */
  readonly grants?: readonly ExtractedGrant[];
  /**
   * The scopes the reader read, when it could not read every scope the catalog names (GCP
   * reads the connector's projects, not every project of the organization): catalog grants
   * elsewhere are not compared, and the reader says so in a fact.
   */
  readonly scopes?: readonly string[];
  readonly facts: readonly Fact[];
  /** Drift the reader found that grants cannot express: an account without the role, a pending update. */
  readonly drift?: readonly Drift[];
}

/** How far a reader may go: every request has a deadline and a retry ceiling. */
export interface ReadLimits {
  /** Deadline of one request, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** Attempts per request, the first included (a ceiling on retries). */
  readonly maxAttempts: number;
  /** Deadline of the whole read of one connector, in milliseconds. */
  readonly sourceTimeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { requestTimeoutMs: 20_000, maxAttempts: 3, sourceTimeoutMs: 120_000 };

/** What a reader is given besides the connector's config. Credentials come from `env`, never from the config. */
export interface ReadContext {
  readonly tenant: string;
  /** The stack name the connector was deployed under (`<tenant>-<kind>[-<slug>]`). */
  readonly stackName: string;
  /** Folder of the config file, for `file:` secret references. */
  readonly configDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly limits: ReadLimits;
  /** Cancels every request of this read when the source deadline passes. */
  readonly signal: AbortSignal;
  /** Where `github create-app` keeps the app's credentials, `<dir>/<stack>.json`. */
  readonly githubDir: string;
}

/** One source's read API behind one function: `read(connectorConfig, context) → { grants, facts }`. */
export interface SourceReader<C extends ConnectorConfig = ConnectorConfig> {
  readonly kind: C["kind"];
  read(connector: C, context: ReadContext): Promise<SourceReading>;
}

/**
 * The source could not be read: `what` names the call or resource, `why` the reason as
 * the source gave it (cleaned before printing). Exit 1.
 */
export class UnreadableSourceError extends ExternalError {
  constructor(
    readonly what: string,
    readonly why: string,
    options?: { cause?: unknown },
  ) {
    super(`${what}: ${why}`, options);
  }
}
