import { createHash } from "node:crypto";
import { printable } from "../../providers/text/printable";
import type { Escalation } from "../escalation";
import { ruleText, type RuleText } from "./rule-text";

/**
 * Escalations as SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`),
 * with the fields GitHub requires (github/docs @ 4d15cab93427920f44ebf3d179970a3d2456ce9a,
 * content/code-security/reference/code-scanning/sarif-files/sarif-support.md): a driver with
 * its rules (id, short and full description, help), and per result a rule, a message and a
 * repository-relative location. Only the types this module writes are declared here.
 */
export interface SarifLog {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly SarifRun[];
}

interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly results: readonly SarifResult[];
}

interface SarifDriver {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
  readonly rules: readonly SarifRule[];
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: "error" };
}

interface SarifResult {
  readonly ruleId: string;
  readonly level: "error";
  readonly message: { readonly text: string };
  readonly locations: readonly [
    {
      readonly physicalLocation: {
        readonly artifactLocation: { readonly uri: string };
        readonly region: { readonly startLine: number };
      };
    },
  ];
  readonly partialFingerprints: { readonly primaryLocationLineHash: string };
}

export interface SarifOptions {
  /** The head config's path in the repository; default: the path `diff` was given. */
  readonly configInRepo?: string;
  readonly toolVersion: string;
  /** The words for a rule id; default: review/ci/rule-text.ts. */
  readonly ruleText?: (rule: string) => RuleText;
}

/** The schema GitHub's own example names (sarif-support.md, "Example with minimum required properties"). */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export function sarifLog(escalations: readonly Escalation[], options: SarifOptions): SarifLog {
  const text = options.ruleText ?? ruleText;
  const ruleIds = [...new Set(escalations.map((e) => e.rule))].sort();
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "insights-connectors",
            version: options.toolVersion,
            rules: ruleIds.map((id) => {
              const { short, full, help } = text(id);
              return {
                id,
                name: id,
                shortDescription: { text: short },
                fullDescription: { text: full },
                help: { text: help },
                defaultConfiguration: { level: "error" },
              };
            }),
          },
        },
        results: escalations.map((escalation) => result(escalation, options)),
      },
    ],
  };
}

function result(escalation: Escalation, { configInRepo }: SarifOptions): SarifResult {
  const uri = configInRepo ?? escalation.head?.file ?? escalation.base?.file ?? "tenants.yaml";
  return {
    ruleId: escalation.rule,
    level: "error",
    message: { text: printable(escalation.message) },
    // A result needs a location to be shown; in a pull request's checks only one on a line the pull
    // request adds or edits (sarif-support.md, "Source file locations"): the head's line of the judged
    // value, else the file's first line (a value the head removed; listed under code scanning alerts).
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: escalation.head?.line ?? 1 } } }],
    // Code scanning matches results across runs by partialFingerprints ("Data for preventing duplicated
    // alerts", sarif-support.md); given here, upload-sarif keeps it rather than hashing the line. It is the
    // rule and the judged field, not the line, so an alert survives lines moving above it.
    partialFingerprints: { primaryLocationLineHash: fingerprint(escalation) },
  };
}

function fingerprint({ rule, tenant, connector, head, base, message }: Escalation): string {
  const judged = head?.path ?? base?.path ?? message;
  return createHash("sha256")
    .update([rule, tenant, connector ?? "", judged].join("\u0000"))
    .digest("hex");
}
