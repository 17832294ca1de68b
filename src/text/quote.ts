/**
 * How every message quotes what a user typed, pasted or loaded: in double
 * quotes, cut to a short excerpt. A message that repeated a 400-digit field
 * or a 100 kB link value whole would push the page sideways and hide what
 * it says.
 */

/** The most characters of user input a message repeats. */
export const QUOTE_LIMIT = 24;

/** `text` in double quotes, its first QUOTE_LIMIT characters and "…" when it is longer. */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  let shown = '';
  let count = 0;
  // By code points, so an emoji is never cut in half into a lone surrogate.
  for (const char of text) {
    if (count === limit) return `"${shown}…"`;
    shown += char;
    count++;
  }
  return `"${shown}"`;
}
