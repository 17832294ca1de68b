import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels } from './label-placement';

const BOUNDS = { left: 0, top: 0, right: 400, bottom: 400 };

describe('placeLabels', () => {
  it('places every label where there is room', () => {
    const placed = placeLabels(
      [
        { x: 50, y: 300, text: 'w(0)' },
        { x: 150, y: 250, text: 'w(1)' },
      ],
      7,
      14,
      6,
      BOUNDS,
    );
    expect(placed.map((p) => p.text)).toEqual(['w(0)', 'w(1)']);
    expect(placed[0]).toMatchObject({ lx: 56, ly: 294, anchor: 'start' });
  });

  it('never lets two labels overlap, leaving out the later ones when crowded', () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const placed = placeLabels(
          points.map((p, i) => ({ ...p, text: `w(${i})` })),
          7,
          14,
          6,
          BOUNDS,
        );
        const boxes = placed.map((p) => {
          const width = p.text.length * 7;
          const left = p.anchor === 'start' ? p.lx : p.lx - width;
          return { left, right: left + width, top: p.ly - 14 * 0.8, bottom: p.ly + 14 * 0.2 };
        });
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
          }
        }
      }),
    );
  });

  it('keeps the first label of a crowd: the current iterate goes first', () => {
    const crowd = Array.from({ length: 10 }, (_, i) => ({ x: 200 + i, y: 200, text: `w(${i})` }));
    const placed = placeLabels(crowd, 7, 14, 6, BOUNDS);
    expect(placed[0]?.text).toBe('w(0)');
    expect(placed.length).toBeLessThan(10);
  });
});

describe('placeLabels, with measured widths and a halo', () => {
  it('keeps labels a halo apart, not just apart', () => {
    // Two points 16 px apart vertically: 14-px labels fit above each without a halo, not with 3 px of it.
    const requests = [
      { x: 100, y: 100, text: 'w(0)', width: 30 },
      { x: 100, y: 116, text: '−η∇ξ', width: 30 },
    ];
    const tight = placeLabels(requests, 7, 14, 2, BOUNDS);
    expect(tight.map((p) => [p.lx, p.ly])).toEqual([
      [102, 98],
      [102, 114],
    ]);
    const apart = placeLabels(requests, 7, 14, 2, BOUNDS, [], 3);
    expect(apart[1]).toMatchObject({ anchor: 'start', ly: 116 + 2 + 14 });
  });
  it('sizes a label by its measured width where given', () => {
    const wide = placeLabels([{ x: 390, y: 200, text: 'w', width: 50 }], 7, 14, 6, BOUNDS);
    expect(wide[0]?.anchor).toBe('end');
    const narrow = placeLabels([{ x: 390, y: 200, text: 'w' }], 7, 14, 2, BOUNDS);
    expect(narrow[0]?.anchor).toBe('start');
  });
});
