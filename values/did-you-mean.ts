import { distance } from "fastest-levenshtein";

/**
 * What commander counts as close enough when it suggests a command (commander 14.0.3,
 * lib/suggestSimilar.js): at most 3 edits, and more than 40% of the longer word kept. The config's
 * words use the same rule, so a misspelt kind and a misspelt command are answered alike.
 */
const MAX_EDITS = 3;
const MIN_SIMILARITY = 0.4;
/** Where a word splits into parts: `aws-account`, `okta_org`, `azure ad`. */
const PART_SEPARATOR = /[-_\s.]/;

/**
 * The candidates a misspelt `word` most likely meant, best first: those fewest edits away
 * (case aside) under commander's rule; else those the word starts with as a whole part
 * (`aws-account` → `aws`), or that start with the word as a whole part (`password-safe` →
 * `password-safe-cloud`, `password-safe-onprem`). Empty when nothing is close: a guess that is
 * far off misleads more than no guess.
 */
export function closestMatches(word: string, candidates: readonly string[]): string[] {
  const typed = word.trim().toLowerCase();
  if (typed === "") return [];
  const unique = [...new Set(candidates)].filter((c) => c !== word.trim()); // `AWS` still gets `aws`
  let best = MAX_EDITS + 1;
  let closest: string[] = [];
  for (const candidate of unique) {
    const edits = distance(typed, candidate.toLowerCase());
    const length = Math.max(typed.length, candidate.length);
    if (edits > MAX_EDITS || (length - edits) / length <= MIN_SIMILARITY) continue;
    if (edits < best) [best, closest] = [edits, [candidate]];
    else if (edits === best) closest.push(candidate);
  }
  if (closest.length > 0) return closest;
  const startsWith = (longer: string, prefix: string) =>
    longer.length > prefix.length && longer.startsWith(prefix) && PART_SEPARATOR.test(longer[prefix.length]);
  return unique.filter((c) => startsWith(typed, c.toLowerCase()) || startsWith(c.toLowerCase(), typed));
}

/** `; did you mean "aws"?` (or `"a" or "b"`) to append to a message, or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const matches = closestMatches(word, candidates).slice(0, 3);
  if (matches.length === 0) return "";
  return `; did you mean ${matches.map((m) => `"${m}"`).join(" or ")}?`;
}
