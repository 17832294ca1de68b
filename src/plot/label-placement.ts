/**
 * Places text labels beside points so that no two overlap: each label tries
 * the four corners around its point in turn and takes the first free one;
 * a label with no free corner is left out. Labels are placed in the order
 * given, so the ones that matter most go first. Pure geometry in pixels.
 */
export interface LabelRequest {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** The text's width as drawn, where it was measured (else `charWidth` per character). */
  readonly width?: number;
}

export interface PlacedLabel {
  /** Where the text's anchor goes, and which side of it the text runs. */
  readonly lx: number;
  readonly ly: number;
  readonly anchor: 'start' | 'end';
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * `charWidth` and `lineHeight` size a label's box; `gap` is its distance from
 * its point; `avoid` holds boxes no label may cover (markers, say); labels
 * stay inside `bounds`; `pad` is kept clear around each label (its halo), so
 * that two labels never touch.
 */
export function placeLabels<R extends LabelRequest>(
  requests: readonly R[],
  charWidth: number,
  lineHeight: number,
  gap: number,
  bounds: Box,
  avoid: readonly Box[] = [],
  pad = 0,
): (R & PlacedLabel)[] {
  const taken: Box[] = [...avoid];
  const placed: (R & PlacedLabel)[] = [];
  for (const r of requests) {
    const width = r.width ?? r.text.length * charWidth;
    const corners = [
      { dx: gap, dy: -gap, anchor: 'start' as const },
      { dx: gap, dy: gap + lineHeight, anchor: 'start' as const },
      { dx: -gap, dy: -gap, anchor: 'end' as const },
      { dx: -gap, dy: gap + lineHeight, anchor: 'end' as const },
    ];
    for (const c of corners) {
      const lx = r.x + c.dx;
      const ly = r.y + c.dy;
      const left = c.anchor === 'start' ? lx : lx - width;
      const box = {
        left: left - pad,
        right: left + width + pad,
        top: ly - lineHeight * 0.8 - pad,
        bottom: ly + lineHeight * 0.2 + pad,
      };
      const inside =
        box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
      if (inside && !taken.some((t) => overlaps(t, box))) {
        taken.push(box);
        placed.push({ ...r, lx, ly, anchor: c.anchor });
        break;
      }
    }
  }
  return placed;
}
