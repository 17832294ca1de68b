/**
 * Thinning a long series for display only: at most two points per pixel
 * column, the lowest and the highest there (in their order), and both ends,
 * so a spike or a dip survives however long the run; short series come back whole.
 */
export function thinForDisplay<T>(
  items: readonly T[],
  position: (item: T) => number,
  value: (item: T) => number,
  columns: number,
): readonly T[] {
  if (items.length <= 2 * columns) return items;
  const first = position(items[0] as T);
  const span = Math.max(1e-12, position(items.at(-1) as T) - first);
  const out: T[] = [];
  let column = -1;
  let low: T | undefined;
  let high: T | undefined;
  const flush = () => {
    if (low === undefined || high === undefined) return;
    if (low === high) out.push(low);
    else if (items.indexOf(low) < items.indexOf(high)) out.push(low, high);
    else out.push(high, low);
  };
  for (const item of items) {
    const c = Math.min(columns - 1, Math.floor(((position(item) - first) / span) * columns));
    if (c !== column) {
      flush();
      column = c;
      low = item;
      high = item;
    } else {
      if (value(item) < value(low as T)) low = item;
      if (value(item) > value(high as T)) high = item;
    }
  }
  flush();
  // The ends are where the run started and where it is now: always kept.
  if (out[0] !== items[0]) out.unshift(items[0] as T);
  if (out.at(-1) !== items.at(-1)) out.push(items.at(-1) as T);
  return out;
}
