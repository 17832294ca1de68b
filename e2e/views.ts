/**
 * Reading the drawn views back in data coordinates: D3 axes put each tick at
 * its value, so two ticks give the linear map from pixels to data.
 */
import type { Locator } from '@playwright/test';

export interface AxisMap {
  /** Data value at SVG user-space coordinate `px`. */
  toData(px: number): number;
  toPixel(value: number): number;
}

/** The map of one D3 axis (`.axis.x` or `.axis.y`) inside `root`, from its first and last ticks. */
export async function axisMap(root: Locator, axis: 'x' | 'y'): Promise<AxisMap> {
  const ticks = await root.locator(`g.axis.${axis} g.tick`).evaluateAll((nodes) =>
    nodes.map((n) => {
      const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(n.getAttribute('transform') ?? '');
      const text = (n.textContent ?? '').replace('−', '-');
      return { at: Number(match?.[1]), atY: Number(match?.[2]), value: Number(text) };
    }),
  );
  const first = ticks[0];
  const last = ticks.at(-1);
  if (!first || !last) throw new Error(`no ticks on the ${axis} axis`);
  const p0 = axis === 'x' ? first.at : first.atY;
  const p1 = axis === 'x' ? last.at : last.atY;
  const scale = (last.value - first.value) / (p1 - p0);
  return {
    toData: (px) => first.value + (px - p0) * scale,
    toPixel: (value) => p0 + (value - first.value) / scale,
  };
}
