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
      const text = (n.textContent ?? '').replace('−', '-').replace(/[,\u202f]/g, '');
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

/** A box on the page, in CSS px (as getBoundingClientRect gives it). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Whether two boxes share more than a hairline (half a pixel). */
export function overlap(a: Box, b: Box): boolean {
  const e = 0.5;
  return a.left < b.right - e && b.left < a.right - e && a.top < b.bottom - e && b.top < a.bottom - e;
}

/** The page box of what a locator matches (the first match). */
export async function boxOf(locator: Locator): Promise<Box> {
  return locator.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

/**
 * The tick labels of every axis of every plot in the playground, the colour
 * bar's included, keyed "plot axis" ("lp-loss-chart y", "lp-cost-surface
 * colorbar"); labels D3 leaves blank (a log axis's minor ticks) left out.
 */
export function axisTicks(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        for (const axis of el.shadowRoot.querySelectorAll('svg.chart g.axis')) {
          const name = axis.classList.contains('colorbar-axis')
            ? 'colorbar'
            : ([...axis.classList].find((c) => c !== 'axis') ?? '');
          const texts = [...axis.querySelectorAll('.tick text')].map((t) => t.textContent ?? '').filter((t) => t);
          if (texts.length > 0) out[`${el.tagName.toLowerCase()} ${name}`] = texts;
        }
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}
