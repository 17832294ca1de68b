/**
 * The figure elements together on a test page built by Vite, as a course
 * page would hold them (no deck, no playground): the bundled KaTeX and its
 * fonts, an <lp-model> giving its state to the figures inside it, figures
 * defined before their model, and figures sized by their containers. What
 * each figure shows for each value, by attribute, property, keyboard and
 * pointer, is its element test's (components/lp-*.test.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (../fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** A readout's text: four decimals, a real minus sign. */
const fixed = (value: number) => {
  const text = value.toFixed(4);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text.replace(/^-/, '−');
};

async function openFigures(page: Page): Promise<void> {
  await page.goto('/e2e/figures/figures.html');
  await page.waitForFunction(() => customElements.get('lp-model') !== undefined);
  await page.evaluate(() => document.querySelector('lp-model')?.ready);
}

test.beforeEach(async ({ page }) => {
  await openFigures(page);
});

test('lp-tex typesets with the bundled KaTeX, fonts included, and reports bad TeX without throwing', async ({
  page,
}) => {
  const tex = page.locator('#tex');
  await expect(tex.locator('.katex-html')).toBeVisible();
  await expect(tex.locator('annotation')).toHaveText('\\sigma(z) = \\frac{1}{1 + e^{-z}}');
  expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  await tex.evaluate((el) => el.setAttribute('tex', '\\frac{1}{'));
  await expect(tex.locator('.error')).toContainText('KaTeX parse error');
});

test('one view of a model: <lp-model> gives its state to a cost surface inside it', async ({ page }) => {
  const state = await page.evaluate(async () => {
    const model = document.querySelector('lp-model');
    if (!model) throw new Error('no <lp-model>');
    await model.step(3);
    return { weights: [...model.state.weights], iteration: model.state.iteration };
  });
  expect(state.iteration).toBe(3);
  await expect(page.locator('#surface svg.chart')).toBeVisible();
  await expect(page.locator('lp-readout')).toContainText(fixed(state.weights[0] ?? Number.NaN));
});

test('a figure defined before <lp-model> still gets its model, each its own', async ({ page }) => {
  await page.goto('/e2e/figures/model-defined-late.html');
  await page.waitForFunction(() => customElements.get('lp-model') !== undefined);
  const starts = await page.evaluate(async () => {
    const surfaces = [...document.querySelectorAll('lp-cost-surface')];
    await Promise.all([...document.querySelectorAll('lp-model')].map((m) => m.ready));
    return surfaces.map((s) => s.params && [s.params.w[0]!, s.params.w[1]!]);
  });
  expect(starts).toEqual([
    [-4, -2],
    [1, 1],
  ]);
});

test('every figure sizes itself by its container', async ({ page }) => {
  for (const width of [320, 640]) {
    await page.locator('#logistic').evaluate((el, width) => {
      (el as HTMLElement).style.width = `${width}px`;
    }, width);
    await expect
      .poll(() => page.locator('#logistic svg.chart').evaluate((svg) => svg.getBoundingClientRect().width))
      .toBeCloseTo(width, -1);
  }
});

test('the readouts keep each label beside its value, however wide their container', async ({ page }) => {
  const readout = page.locator('#model lp-readout');
  await expect(readout.locator('[data-readout="w1"]')).not.toBeEmpty();
  for (const width of [300, 700, 1400]) {
    await readout.evaluate((el, width) => {
      (el as HTMLElement).style.width = `${width}px`;
    }, width);
    const gaps = await readout.evaluate((el) =>
      [...(el.shadowRoot?.querySelectorAll('dt') ?? [])].flatMap((dt) => {
        const dd = dt.nextElementSibling;
        if (!dd || !dt.textContent) return [];
        return [{ label: dt.textContent, gap: dd.getBoundingClientRect().right - dt.getBoundingClientRect().right }];
      }),
    );
    expect(gaps.length).toBeGreaterThan(4);
    // The value ends within a value's width (about 10em) of its label's end, not across the container.
    const fontSize = await readout.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    for (const { label, gap } of gaps) expect(gap, `${label} at ${width} px`).toBeLessThan(10 * fontSize);
  }
});
