/** An ISO 8601 UTC time as servers and our records write it, with or without seconds and fractions. */
const ISO_UTC = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** `2026-12-06T09:18:56.113Z` as `2026-12-06 09:18Z`: minutes are what a person compares. */
export function compactTime(iso: string): string {
  return iso.replace(ISO_UTC, (_, day: string, minute: string) => `${day} ${minute}Z`);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

// The words come from ICU through Intl (full ICU ships in Node's official builds); English,
// because every other word the CLI prints is. Made on first use: loading ICU's data costs about
// 50 ms, which every CLI process would pay at start, and only a terminal shows relative times.
let relative: Intl.RelativeTimeFormat | undefined;
const relativeFormat = () => (relative ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" }));

/** `time` from `now`: "3 minutes ago", "yesterday", "in 2 weeks"; under a minute, "now". */
export function relativeTime(time: Date, now: Date): string {
  const ms = time.getTime() - now.getTime();
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? ["second", 0];
  if (size === 0) return relativeFormat().format(0, "second");
  return relativeFormat().format(Math.trunc(ms / size), unit);
}

/**
 * Every ISO 8601 UTC time in `text` made readable: relative to `now` when given (a person at a
 * terminal), else compact. Text without one is returned as it is.
 */
export function readableTimes(text: string, now?: Date): string {
  if (!now) return compactTime(text);
  return text.replace(ISO_UTC, (iso) => {
    const time = new Date(iso);
    return Number.isNaN(time.getTime()) ? compactTime(iso) : relativeTime(time, now);
  });
}
