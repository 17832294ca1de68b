/**
 * Reading the drawn views back in data coordinates: D3 axes put each tick at
 * its value, so two ticks give the linear map from pixels to data.
 */
import type { Locator, Page } from '@playwright/test';

export interface AxisMap {
  /** Data value at SVG user-space coordinate `px`. */
  toData(px: number): number;
  toPixel(value: number): number;
}

/** The map of one D3 axis (`.axis.x`, `.axis.y` or `.axis.y2`) inside `root`, from its first and last ticks. */
export async function axisMap(root: Locator, axis: 'x' | 'y' | 'y2'): Promise<AxisMap> {
  const ticks = await root.locator(`g.axis.${axis} g.tick`).evaluateAll((nodes) =>
    nodes.map((n) => {
      const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(n.getAttribute('transform') ?? '');
      const text = (n.textContent ?? '').replace('−', '-').replace(/,/g, '');
      // A percentage tick reads as its fraction.
      const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      return { at: Number(match?.[1]), atY: Number(match?.[2]), value };
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

/**
 * Every tick label, axis title and colour-bar label of every plot in the
 * playground that does not lie wholly inside its SVG (and so is clipped),
 * as "plot: text".
 */
export function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const hosts: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          if (el.shadowRoot.querySelector('svg.chart')) hosts.push(el);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    for (const host of hosts) {
      const svg = host.shadowRoot?.querySelector('svg.chart');
      if (!svg) continue;
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('.axis text, .axis-label, .decor text')) {
        const r = text.getBoundingClientRect();
        if (r.width === 0 || !text.textContent) continue;
        const inside =
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5;
        if (!inside) out.push(`${host.tagName.toLowerCase()}: "${text.textContent}"`);
      }
    }
    return out;
  });
}

/** The tick labels of every plot, to show that a test looked at some. */
export function tickLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          for (const t of el.shadowRoot.querySelectorAll('svg.chart .axis text')) out.push(t.textContent ?? '');
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return out;
  });
}
