/**
 * Each figure element alone on a test page (no deck, no playground): its
 * readouts follow the value set by attribute, by property, by keyboard on the
 * handle and by pointer, to four decimals against the formula computed here.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (../fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** The tutorial's formulas, written again in the test so that a slip in the app's cannot pass. */
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const fixed = (value: number) => {
  const text = value.toFixed(4);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text.replace(/^-/, '−');
};

const Z_VALUES = [-6, -2.5, -0.3, 0, 0.5, 1.7, 6];

async function openFigures(page: Page): Promise<void> {
  await page.goto('/e2e/figures/figures.html');
  await page.waitForFunction(() => customElements.get('lp-model') !== undefined);
  await page.evaluate(() => document.querySelector('lp-model')?.ready);
}

function readout(figure: Locator, name: string): Promise<string | null> {
  return figure.locator(`[data-readout="${name}"]`).textContent();
}

async function expectReadouts(figure: Locator, expected: Record<string, number>): Promise<void> {
  for (const [name, value] of Object.entries(expected)) {
    await expect(figure.locator(`[data-readout="${name}"]`), name).toHaveText(fixed(value));
  }
}

/** What each z figure must read at z, from the formulas above. */
const Z_FIGURES: Record<string, (z: number) => Record<string, number>> = {
  logistic: (z) => ({ z, y: sigma(z), p1: sigma(z), p0: 1 - sigma(z) }),
  'log-odds': (z) => ({ z, p1: sigma(z), p0: 1 - sigma(z), 'log-odds': z }),
  derivative: (z) => ({ z, y: sigma(z), dy: sigma(z) * (1 - sigma(z)) }),
  gradient: (z) => ({ z, y: sigma(z), dz1: sigma(z) - 1, dz0: sigma(z) }),
};

test.beforeEach(async ({ page }) => {
  await openFigures(page);
});

for (const [id, expected] of Object.entries(Z_FIGURES)) {
  test(`${id}: z by attribute, property, keyboard and pointer gives the formula's readouts`, async ({ page }) => {
    const figure = page.locator(`#${id}`);
    for (const z of Z_VALUES) {
      await figure.evaluate((el, z) => el.setAttribute('z', String(z)), z);
      await expectReadouts(figure, expected(z));
      await figure.evaluate((el, z) => {
        (el as HTMLElement & { z: number }).z = z;
      }, -z);
      await expectReadouts(figure, expected(-z));
    }
    // Keyboard alone: Tab onto the handle, Home, then → and Shift+→.
    const handle = figure.locator('[role="slider"]');
    await handle.focus();
    await page.keyboard.press('Home');
    await expectReadouts(figure, expected(-6));
    await page.keyboard.press('End');
    await expectReadouts(figure, expected(6));
    await page.keyboard.press('Shift+ArrowLeft');
    await expectReadouts(figure, expected(5));
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
    await expectReadouts(figure, expected(4.7));
    await expect(handle).toHaveAttribute('aria-valuenow', '4.7');
    // The pointer: a press at the plot's middle sets z near 0.
    const plot = figure.locator('rect.hit');
    const box = await plot.boundingBox();
    if (!box) throw new Error('no plot');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const z = Number((await readout(figure, 'z'))?.replace('−', '-'));
    expect(Math.abs(z)).toBeLessThan(0.1);
    await expectReadouts(figure, expected(z));
  });
}

test('bad values are replaced, said, and forgotten once a good one comes; nothing reaches the console', async ({
  page,
}) => {
  const logistic = page.locator('#logistic');
  const correction = logistic.locator('.correction');
  await logistic.evaluate((el) => el.setAttribute('z', 'abc'));
  await expect(correction).toHaveText('z must be a number in −6.000 … 6.000; showing z = 0.0000.');
  await expectReadouts(logistic, Z_FIGURES.logistic?.(0) ?? {});
  await logistic.evaluate((el) => el.setAttribute('z', '100'));
  await expect(correction).toContainText('z = 100.0000 is outside −6.000 … 6.000; showing z = 6.0000');
  await expectReadouts(logistic, Z_FIGURES.logistic?.(6) ?? {});
  await logistic.evaluate((el) => el.setAttribute('z', '1'));
  await expect(correction).toHaveCount(0);
  await expectReadouts(logistic, Z_FIGURES.logistic?.(1) ?? {});

  const crossEntropy = page.locator('#cross-entropy');
  await crossEntropy.evaluate((el) => el.setAttribute('y', '0'));
  await expect(crossEntropy.locator('.correction')).toContainText('showing y = 0.0010');
  await expect(crossEntropy.locator('[data-readout="xi1"]')).toHaveText(fixed(-Math.log(0.001)));

  const diagram = page.locator('#diagram');
  await diagram.evaluate((el) => {
    el.setAttribute('weights', 'one,two');
    el.setAttribute('x', '1');
  });
  await expect(diagram.locator('.correction')).toHaveText([
    'weights="one,two" is not two numbers "w1,w2"; showing w = (0, 0).',
    'x="1" is not two numbers "x1,x2"; no sample flows through.',
  ]);
  await expectReadouts(diagram, { w1: 0, w2: 0 });

  const likelihood = page.locator('#likelihood');
  await likelihood.evaluate((el) => {
    (el as HTMLElement & { samples: unknown }).samples = [{ x: 'a', t: 3 }];
  });
  await expect(likelihood.locator('.correction')).toContainText('showing the default six');
  await expect(likelihood.locator('[data-probability]')).toHaveCount(6);
});

test('logistic: the two probability bars fill one whole', async ({ page }) => {
  const figure = page.locator('#logistic');
  for (const z of [-6, 0.5, 6]) {
    await figure.evaluate((el, z) => el.setAttribute('z', String(z)), z);
    const widths = await figure
      .locator('.bars span')
      .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
    const whole = await figure.locator('.bars').evaluate((b) => b.clientWidth);
    expect(widths[0]).toBeCloseTo(sigma(z) * whole, 0);
    expect((widths[0] ?? 0) + (widths[1] ?? 0)).toBeCloseTo(whole, 0);
  }
});

test('cross-entropy: −log(y) and −log(1 − y) at y set three ways', async ({ page }) => {
  const figure = page.locator('#cross-entropy');
  const expected = (y: number) => ({ y, xi1: -Math.log(y), xi0: -Math.log(1 - y) });
  for (const y of [0.001, 0.05, 0.3, 0.5, 0.8, 0.999]) {
    await figure.evaluate((el, y) => el.setAttribute('y', String(y)), y);
    await expectReadouts(figure, expected(y));
    await figure.evaluate((el, y) => {
      (el as HTMLElement & { y: number }).y = y;
    }, 1 - y);
    await expectReadouts(figure, expected(1 - y));
  }
  await figure.locator('[role="slider"]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expectReadouts(figure, expected(0.011));
});

test('likelihood: the product of the bars, its log and −log from one w', async ({ page }) => {
  const figure = page.locator('#likelihood');
  for (const w of [-1, 0, 1.3, 4]) {
    await figure.evaluate((el, w) => el.setAttribute('w', String(w)), w);
    const probabilities = await figure
      .locator('[data-probability]')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-probability'))));
    const samples = await figure.evaluate((el) =>
      (el as HTMLElement & { samples: readonly { x: number; t: 0 | 1 }[] }).samples.map((s) => ({ ...s })),
    );
    expect(probabilities).toHaveLength(samples.length);
    samples.forEach((s, i) => {
      const y = sigma(w * s.x);
      expect(probabilities[i]).toBeCloseTo(s.t === 1 ? y : 1 - y, 6);
    });
    const product = samples.reduce((p, s) => p * (s.t === 1 ? sigma(w * s.x) : 1 - sigma(w * s.x)), 1);
    await expectReadouts(figure, {
      w,
      likelihood: product,
      'log-likelihood': Math.log(product),
      cost: -Math.log(product),
    });
  }
});

test('model diagram: the sample flows through z = x·w and y = σ(z)', async ({ page }) => {
  const diagram = page.locator('#diagram');
  const [w1, w2, x1, x2] = [1.4854, 0.7834, 1, -0.5];
  const z = x1 * w1 + x2 * w2;
  await expectReadouts(diagram, { w1, w2, x1, x2, z, y: sigma(z) });
  await diagram.evaluate((el) => {
    el.setAttribute('bias', '');
    el.setAttribute('b', '-0.75');
  });
  await expectReadouts(diagram, { b: -0.75, z: z - 0.75, y: sigma(z - 0.75) });
  await expect(diagram.getByText('b = −0.7500')).toBeVisible();
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
    return surfaces.map((s) => s.params && [s.params.w1, s.params.w2]);
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
