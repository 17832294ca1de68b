/**
 * Which tables fit in the room a column leaves under its content: as many
 * as fit, in the order offered (the narrower first), each whole. Pure
 * geometry in CSS px; components/table-dock.ts measures and applies it.
 */
export type TableName = 'confusion' | 'readouts';
/** In the order they are offered the room: the confusion matrix is the narrower. */
export const TABLES: readonly TableName[] = ['confusion', 'readouts'];

export interface TableSizes {
  readonly [name: string]: { readonly width: number; readonly height: number } | undefined;
}

/** As many tables as fit in `room` (height) and `width`, in the order offered, with `gap` before each. */
export function tablesThatFit(sizes: TableSizes, room: number, width: number, gap: number): TableName[] {
  const docked: TableName[] = [];
  let left = room;
  for (const name of TABLES) {
    const size = sizes[name];
    if (!size || size.width > width || size.height + gap > left) break;
    docked.push(name);
    left -= size.height + gap;
  }
  return docked;
}
