import type { Explanation } from "../../connectors/pra-privileged-identity/explain";
import type { ReachabilityResult } from "../../providers/network/tls-reachability";
import { printableDeep } from "../../providers/text/printable";
import { jsonDocument, type Renderers } from "../../values/report-format";

/**
 * `ecm check-network`'s formats: a line per target with what TCP and TLS said, or the results as
 * JSON. A detail may quote the server's certificate, so control characters are stripped first.
 */
export const NETWORK_CHECK_RENDERERS = {
  table: (results) =>
    printableDeep(results)
      .map((r) => `${r.ok ? "ok  " : "FAIL"}  ${r.host}:${r.port}  ${r.purpose}\n      ${r.detail}\n`)
      .join(""),
  json: (results) => jsonDocument({ ok: results.every((r) => r.ok), targets: printableDeep(results) }),
} satisfies Renderers<readonly ReachabilityResult[], "table" | "json">;

/** Each identity tried, the endpoint matched, each credential kept or filtered and why, then notes. */
function explanationText(explanation: Explanation): string {
  const { endpoint } = explanation;
  const lines = [
    ...explanation.attempts.map((a, i) => `identity ${i + 1}: ${a.identity}  (${a.why}) → ${a.kept} credential(s)`),
    `endpoint: by ${endpoint.by} ${endpoint.value}${endpoint.domain ? ` (domain ${endpoint.domain})` : ""}`,
    ...explanation.credentials.map(
      (c) =>
        `${c.kept ? "kept    " : "filtered"}  ${c.account}: ${c.reason}${c.formats ? ` — offered as ${c.formats.join(", ")}` : ""}`,
    ),
    ...explanation.notes.map((n) => `note: ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `ecm explain`'s formats. */
export const EXPLANATION_RENDERERS = {
  table: (explanation) => explanationText(explanation),
  json: (explanation) => jsonDocument(explanation),
} satisfies Renderers<Explanation, "table" | "json">;
