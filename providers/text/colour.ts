import { WriteStream } from "node:tty";
import { styleText } from "node:util";

/**
 * What a word means to the person reading it, not how it looks: `danger` for what grants or
 * risks too much (a write or admin grant, an escalation, a failure), `good` for a connector that
 * works, `warn` for one that needs a look.
 */
export type Tone = "danger" | "good" | "warn";

/** Marks `text` with a tone: colour on a terminal that takes it, the text unchanged anywhere else. */
export type Painter = (tone: Tone, text: string) => string;

/** The painter of JSON, markdown, pipes and files: it changes nothing. */
export const PLAIN: Painter = (_tone, text) => text;

const STYLES: Record<Tone, Parameters<typeof styleText>[0]> = {
  danger: ["red", "bold"],
  good: "green",
  warn: "yellow",
};

/**
 * Whether text written to `stream` should carry colour: Node's own rule, which `util.styleText`
 * applies per stream (nodejs/node @ 0f1d13e3, lib/internal/util/colors.js `shouldColorize`):
 * `FORCE_COLOR` decides alone (`0` is off); otherwise only a terminal, and only when
 * `NO_COLOR`, `NODE_DISABLE_COLORS` and `TERM=dumb` are all absent (lib/internal/tty.js
 * `getColorDepth`, which `hasColors` asks). Decided once per stream, with the stream the text
 * really goes to: the command's fake streams in tests are not `tty.WriteStream`s, which
 * `styleText` refuses to inspect.
 *
 * An empty `NO_COLOR` counts as unset, as no-color.org says ("present and not an empty string")
 * and Node 24 does; Node 22 still treats it as set, so it is dropped here to answer alike on both.
 */
export function colorsFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const { NO_COLOR, ...rest } = env;
  const capable = WriteStream.prototype.hasColors(16, NO_COLOR === "" ? rest : env);
  return env.FORCE_COLOR !== undefined ? capable : Boolean(stream.isTTY) && capable;
}

/** The painter for a stream whose colour was decided by {@link colorsFor}. */
export function painter(colors: boolean | undefined): Painter {
  if (!colors) return PLAIN;
  // The decision is made; styleText must not make it again against process.stdout.
  return (tone, text) => (text ? styleText(STYLES[tone], text, { validateStream: false }) : text);
}
