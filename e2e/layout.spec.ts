/**
 * The playground as a lecturer projects it and a student opens it on a
 * laptop: at 1280×720 and 1920×1080, in normal and presentation mode, with
 * the most controls showing and after a run that sent the numbers soaring,
 * everything fits without a scroll bar, no label of any axis or colour bar
 * is clipped, and presentation mode enlarges every text by one factor.
 * The screenshots the run saves (e2e/screenshots/, not committed) are the
 * ones a reviewer looks at.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, stepPlayground, test } from './fixtures';
import { axisTicks, boxOf, clippedLabels, overlap, tickLabels } from './views';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;

/** Sizes of the text of each kind of thing on the page, in CSS px. */
function fontSizes(page: Page) {
  return page.evaluate(() => {
    const deep = (selector: string): Element | null => {
      const search = (root: Document | ShadowRoot): Element | null => {
        const hit = root.querySelector(selector);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const found = el.shadowRoot ? search(el.shadowRoot) : null;
          if (found) return found;
        }
        return null;
      };
      return search(document);
    };
    const size = (selector: string) => {
      const el = deep(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      return Number.parseFloat(getComputedStyle(el).fontSize);
    };
    return {
      header: size('header h1'),
      transport: size('button[data-action="step"]'),
      status: size('.status'),
      legend: size('fieldset legend'),
      field: size('lp-number-field'),
      scatterTick: size('.axis.x .tick text'),
      scatterLegend: size('.legend'),
      surfaceTitle: size('[data-title]'),
      readout: size('[data-readout="w1"]'),
      confusion: size('[data-cell="tp"]'),
    };
  });
}

for (const [width, height] of SIZES) {
  for (const presentation of [false, true]) {
    const mode = presentation ? 'presentation' : 'normal';
    test(`${width}×${height}, ${mode}: everything fits, and no label is clipped after a diverging run`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page, '/#preset=gaussians');
      await page.evaluate(async (presentation) => {
        const el = document.querySelector('lp-playground');
        if (!el) throw new Error('no playground');
        el.presentation = presentation;
        await el.step(10);
      }, presentation);
      await page.screenshot({ path: `e2e/screenshots/playground-${width}x${height}-${mode}.png` });
      const fits = await page.evaluate(() => {
        const root = document.documentElement;
        return { scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight };
      });
      expect(fits.scrollWidth, 'no horizontal scroll bar').toBeLessThanOrEqual(width);
      expect(fits.scrollHeight, 'no vertical scroll bar').toBeLessThanOrEqual(height);
      for (const selector of [
        'lp-initial-weights',
        'lp-scatter',
        'lp-cost-surface',
        'lp-loss-chart',
        'lp-readout',
        'lp-confusion-matrix',
        'lp-shortcut-help',
      ]) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0), `${selector} bottom`).toBeLessThanOrEqual(height + 0.5);
        expect((box?.x ?? 0) + (box?.width ?? 0), `${selector} right`).toBeLessThanOrEqual(width + 0.5);
      }
      // The biggest numbers: η = 5 sends w past ±100 and the cost past 1e4 within a few steps.
      await page.evaluate(async () => {
        const el = document.querySelector('lp-playground');
        await el?.reset();
        await el?.configure({ learningRate: 5 });
        await el?.step(6);
      });
      await expect
        .poll(() => tickLabels(page).then((t) => t.some((label) => label.replace('−', '-').includes('1\u202f000'))))
        .toBe(true);
      await page.screenshot({ path: `e2e/screenshots/playground-${width}x${height}-${mode}-diverged.png` });
      expect(await tickLabels(page)).toEqual(expect.arrayContaining([expect.stringMatching(/e\+|\u202f000/)]));
      expect(await clippedLabels(page)).toEqual([]);
    });
  }

  test(`${width}×${height}: presentation mode enlarges every text by the same factor`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openPlayground(page);
    await stepPlayground(page, 3);
    const normal = await fontSizes(page);
    await page.getByRole('button', { name: 'Presentation' }).click();
    await expect.poll(() => page.evaluate(() => document.querySelector('lp-playground')?.presentation)).toBe(true);
    const large = await fontSizes(page);
    const ratios = Object.fromEntries(
      Object.entries(normal).map(([k, v]) => [k, Number((large[k as keyof typeof large] / v).toFixed(3))]),
    );
    for (const [what, ratio] of Object.entries(ratios)) expect(ratio, what).toBeCloseTo(1.25, 2);
  });
}

test('messages of refused field values float over the controls: the page still fits, and each reads whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, '/#preset=gaussians');
  await page.evaluate(() => {
    const el = document.querySelector('lp-playground');
    if (el) el.presentation = true;
  });
  for (const label of ['std', 'per class', 'seed']) {
    const input = page.locator('lp-data-controls lp-number-field', { hasText: label }).locator('input');
    await input.fill('oops');
    await input.press('Enter');
  }
  const eta = page.locator('lp-optimiser-controls lp-number-field').first();
  await eta.locator('input').fill('oops');
  await eta.locator('input').press('Enter');
  await expect(page.locator('lp-number-field .error')).toHaveCount(4);
  const fits = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
  expect(fits).toBe(true);
  // The η message is not squeezed into a column one word wide.
  const box = await eta.locator('.error').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(120);
});

/** Sets the window's size and the mode, and waits until the page has laid itself out again. */
async function view(page: Page, width: number, height: number, presentation: boolean): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.evaluate(async (presentation) => {
    const el = document.querySelector('lp-playground');
    if (el) el.presentation = presentation;
    for (let k = 0; k < 3; k++) await new Promise(requestAnimationFrame);
  }, presentation);
}

/** Each number field whose text is wider than its box (cut), as "label: text". */
function cutFields(page: Page): Promise<string[]> {
  return page.locator('lp-number-field').evaluateAll((fields) =>
    fields.flatMap((f) => {
      const input = f.shadowRoot?.querySelector('input');
      if (!input || input.offsetWidth === 0) return [];
      return input.scrollWidth > input.clientWidth + 1
        ? [`${f.getAttribute('label') ?? (f as HTMLElement & { label: string }).label}: ${input.value}`]
        : [];
    }),
  );
}

test('every number field shows its whole value, at both sizes and in both modes', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The longest values users meet: a million points a class, a small η, a big batch, a w(0) with decimals.
  await openPlayground(
    page,
    '/#preset=gaussians&n=1000000&std=0.125&seed=123456&lr=0.000123&w0=-999.5,123.25&batch=1000000',
  );
  await expect(page.locator('lp-data-controls lp-number-field', { hasText: 'per class' }).locator('input')).toHaveValue(
    '1000000',
  );
  for (const [width, height] of SIZES) {
    for (const presentation of [false, true]) {
      await view(page, width, height, presentation);
      const where = `${width}×${height}${presentation ? ', presentation' : ''}`;
      // Once the layout has settled after the resize (the tables may move).
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), where)
        .toBe(true);
      expect(await cutFields(page), where).toEqual([]);
    }
  }
});

/** Whether the status line shows its whole text: not cut, not ellipsed, inside the bar and the window. */
async function statusShown(page: Page, text: string | RegExp): Promise<void> {
  const status = page.locator('lp-status .status');
  await expect(status).toContainText(text);
  const shown = await status.evaluate((p) => {
    const r = p.getBoundingClientRect();
    return {
      cut: p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1,
      inside: r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });
  expect(shown, String(text)).toEqual({ cut: false, inside: true });
  // Over no plot.
  expect(overlap(await boxOf(status), await boxOf(page.locator('lp-scatter'))), 'status over the scatter').toBe(false);
}

for (const [width, height] of SIZES) {
  for (const presentation of [false, true]) {
    test(`${width}×${height}${presentation ? ', presentation' : ''}: each status says all it means`, async ({
      page,
    }) => {
      await openPlayground(page);
      await view(page, width, height, presentation);
      await page.evaluate(() => document.querySelector('lp-playground')?.configure({ bias: true }));
      await statusShown(page, 'The model or its start changed: training starts again from w(0).');
      const plot = page.locator('lp-scatter svg.chart');
      const size = await plot.boundingBox();
      await plot.click({ position: { x: (size?.width ?? 0) / 2, y: (size?.height ?? 0) / 2 }, modifiers: ['Alt'] });
      await statusShown(page, /Removed the nearest point\. N = 39; training continues from the current weights\./);
      await page.evaluate(async () => {
        const el = document.querySelector('lp-playground');
        await el?.change({ preset: 'gaussians', gaussians: { perClass: 10_000, mean0: [-30, 0], mean1: [30, 0] } });
        await el?.configure({ learningRate: 10 });
        await el?.step(100_000);
      });
      await statusShown(
        page,
        'Stopped after 1 of the 100\u202f000 steps asked for: a weight passed 1e+6 (reset to go on).',
      );
    });
  }
}

/** The notation of a tick label: an exponent (3e+5), digits grouped (1 000), plain digits; null for one that fits any (0, 500). */
function notation(label: string): 'exponent' | 'grouped' | 'plain' | null {
  if (/\de[+\-\u2212]?\d/.test(label)) return 'exponent';
  const digits = label.replace(/^[-\u2212]/, '').split('.')[0] ?? '';
  if (/[,\u202f\u00a0 ]/.test(digits)) return 'grouped';
  return digits.length >= 4 ? 'plain' : null;
}

test('every tick of an axis, and of the colour bar, is written in one notation, chosen from its range', async ({
  page,
}) => {
  test.slow();
  const seen: string[] = [];
  const check = async (when: string) => {
    const axes = await axisTicks(page);
    for (const [axis, labels] of Object.entries(axes)) {
      seen.push(...labels);
      const kinds = new Set(labels.map(notation).filter((k) => k !== null));
      expect([...kinds], `${when}, ${axis}: ${labels.join(' | ')}`).toHaveLength(Math.min(1, kinds.size));
    }
  };
  // Costs of 10⁵–10⁶ on the chart and the colour bar (the summed cost of 200 000 points), windows of ±10 and ±1 000.
  await openPlayground(page, '/#preset=gaussians&n=100000');
  await expect(page.locator('lp-cost-surface')).not.toHaveAttribute('stale', '', { timeout: 120_000 });
  await check('200 000 points');
  await stepPlayground(page, 2);
  await expect(page.locator('lp-cost-surface')).not.toHaveAttribute('stale', '', { timeout: 120_000 });
  await check('200 000 points, 2 steps');
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.change({ preset: 'gaussians', gaussians: { perClass: 10_000, mean0: [-30, 0], mean1: [30, 0] } });
    await el?.configure({ learningRate: 0.01 });
    await el?.step(3);
  });
  await expect(page.locator('lp-cost-surface')).not.toHaveAttribute('stale', '', { timeout: 120_000 });
  await check('a window of ±1 000');
  // The test looked at big numbers.
  expect(seen.some((l) => notation(l) === 'exponent')).toBe(true);
  expect(seen.some((l) => notation(l) === 'grouped' || notation(l) === 'plain')).toBe(true);
});

/** The room the controls column leaves unused (whatever its place in the column), as a share of the main area's height. */
function controlsFree(page: Page): Promise<number> {
  return page.locator('lp-playground').evaluate((pg) => {
    const column = pg.shadowRoot?.querySelector('.controls');
    const main = pg.shadowRoot?.querySelector('.main');
    if (!column || !main) throw new Error('no controls column');
    const used = [...column.children].reduce((sum, c) => sum + c.getBoundingClientRect().height, 0);
    return (main.clientHeight - used) / main.clientHeight;
  });
}

/** The plot area (inside the axes) of a plot, in CSS px. */
function plotArea(page: Page, tag: string): Promise<{ width: number; height: number }> {
  return page.locator(tag).evaluate((el) => {
    const rect = el.shadowRoot?.querySelector('#plot-area rect');
    return { width: Number(rect?.getAttribute('width')), height: Number(rect?.getAttribute('height')) };
  });
}

for (const preset of ['tutorial', 'gaussians']) {
  test(`${preset}, at both sizes and in both modes: the plots get the room, the controls column has no empty half`, async ({
    page,
  }) => {
    await openPlayground(page, `/#preset=${preset}`);
    await stepPlayground(page, 3);
    // One page through the four views: each resize lays the same page out anew.
    for (const [width, height] of SIZES) {
      for (const presentation of [false, true]) {
        const where = `${width}×${height}${presentation ? ', presentation' : ''}`;
        await view(page, width, height, presentation);
        await expect.poll(() => controlsFree(page), `${where}: the controls column is used`).toBeLessThan(0.3);
        const scatter = await plotArea(page, 'lp-scatter');
        const surface = await plotArea(page, 'lp-cost-surface');
        const chart = await plotArea(page, 'lp-loss-chart');
        expect(Math.min(scatter.width, surface.width), `${where}: the scatter and the surface`).toBeGreaterThanOrEqual(
          0.38 * height,
        );
        expect(chart.width, `${where}: the loss chart is wide enough to read`).toBeGreaterThanOrEqual(0.2 * width);
        expect(chart.height, `${where}: and tall enough`).toBeGreaterThanOrEqual(0.12 * height);
        const fits = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth <= window.innerWidth,
          height: document.documentElement.scrollHeight <= window.innerHeight,
        }));
        expect(fits, where).toEqual({ width: true, height: true });
        for (const tag of ['lp-readout', 'lp-confusion-matrix']) {
          const box = await boxOf(page.locator(tag));
          expect(box.bottom, `${where}: ${tag} inside the window`).toBeLessThanOrEqual(height + 0.5);
          expect(box.right, `${where}: ${tag} inside the window`).toBeLessThanOrEqual(width + 0.5);
        }
        // Once the plots have drawn themselves at the new size.
        await expect.poll(() => clippedLabels(page), where).toEqual([]);
      }
    }
  });
}
