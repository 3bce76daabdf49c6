import { painter, PLAIN, type Painter } from "./colour";
import { readableTimes } from "./times";

/** How a table for a person looks where it is printed: its colours and its times. */
export interface Look {
  readonly paint: Painter;
  /** Every ISO time in a text made readable: relative on a terminal, else `2026-12-06 09:18Z`. */
  readonly times: (text: string) => string;
}

/** No colour, compact UTC times: a table piped to a file or a log. */
export const PLAIN_LOOK: Look = { paint: PLAIN, times: (text) => readableTimes(text) };

/** The look a render target asks for (cli/formats.ts `renderTarget` decides it per stream). */
export function lookOf(target: { readonly colors?: boolean; readonly now?: Date }): Look {
  const now = target.now;
  return { paint: painter(target.colors), times: now ? (text) => readableTimes(text, now) : PLAIN_LOOK.times };
}
