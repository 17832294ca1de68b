import { expect, openPlayground, playgroundState, stepPlayground, TUTORIAL_REFERENCE, test } from './fixtures';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

test.describe('<lp-playground> on the tutorial data', () => {
  test('reaches the tutorial w(10) through step(10)', async ({ page, errors }) => {
    await openPlayground(page);
    const start = await playgroundState(page);
    expect(start.iteration).toBe(0);
    expect(start.weights).toEqual([-4, -2]);
    await stepPlayground(page, 10);
    const s = await playgroundState(page);
    expect(s.iteration).toBe(10);
    expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
    expect(Math.abs((s.weights[1] as number) - W10_2)).toBeLessThan(1e-4);
    expect(s.cost).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 4);
    expect(s.accuracy).toBe(1 - TUTORIAL_REFERENCE.misclassified10 / 40);
    expect(s.samples).toBe(40);
    expect(errors.messages).toEqual([]);
  });

  test('follows the tutorial path one Step click at a time', async ({ page }) => {
    await openPlayground(page);
    const stepButton = page.locator('lp-transport').getByRole('button', { name: 'Step', exact: true });
    for (const k of [1, 2, 3] as const) {
      await stepButton.click();
      await expect(page.locator('[data-readout="iteration"]')).toHaveText(String(k));
      const [w1, w2] = TUTORIAL_REFERENCE.path[k];
      const s = await playgroundState(page);
      expect(Math.abs((s.weights[0] as number) - w1)).toBeLessThan(1e-4);
      expect(Math.abs((s.weights[1] as number) - w2)).toBeLessThan(1e-4);
    }
    // The readout shows the same weights to 4 decimals, with a real minus sign.
    await expect(page.locator('[data-readout="w1"]')).toHaveText(TUTORIAL_REFERENCE.path[3][0].toFixed(4));
    await expect(page.locator('[data-readout="w2"]')).toHaveText(TUTORIAL_REFERENCE.path[3][1].toFixed(4));
  });

  test('draws both classes with different shapes and a boundary', async ({ page }) => {
    await openPlayground(page);
    const scatter = page.locator('lp-scatter');
    await expect(scatter.locator('path.point.class-0')).toHaveCount(20);
    await expect(scatter.locator('path.point.class-1')).toHaveCount(20);
    const d0 = await scatter.locator('path.point.class-0').first().getAttribute('d');
    const d1 = await scatter.locator('path.point.class-1').first().getAttribute('d');
    expect(d0).not.toBe(d1);
    await expect(scatter.locator('g.plot line.boundary')).toHaveAttribute('visibility', 'visible');
  });

  test('reset returns to w(0)', async ({ page }) => {
    await openPlayground(page);
    await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      await el?.step(4);
      await el?.reset();
    });
    const s = await playgroundState(page);
    expect(s.iteration).toBe(0);
    expect(s.weights).toEqual([-4, -2]);
  });

  test('loadCsv throws the parser message on bad input and keeps the data', async ({ page }) => {
    await openPlayground(page);
    const outcome = await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      if (!el) throw new Error('missing element');
      await el.step(2);
      let message = '';
      try {
        await el.loadCsv('x1,x2,t\n1,2,0\n3,oops,1\n');
      } catch (error) {
        message = (error as Error).message;
      }
      return { message, iteration: el.state.iteration };
    });
    expect(outcome.message).toBe('Line 3: x2 is not a number: "oops"');
    expect(outcome.iteration).toBe(2);
    await expect(page.locator('lp-scatter path.point')).toHaveCount(40);
    // Good CSV replaces the data and starts over.
    await page.evaluate(() => document.querySelector('lp-playground')?.loadCsv('x1,x2,t\n1,0,1\n-1,0,0\n2,1,1\n'));
    await expect(page.locator('lp-scatter path.point')).toHaveCount(3);
    expect((await playgroundState(page)).iteration).toBe(0);
  });

  test('configure validates and applies', async ({ page }) => {
    await openPlayground(page);
    const message = await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      try {
        await el?.configure({ learningRate: -3 });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    });
    // Named as the screen names it, never as a field path.
    expect(message).toBe('η must be between 1e-6 and 10, got -3');
    await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      await el?.configure({ initialWeights: [1, 1], bias: true, initialBias: 0.25, reduction: 'mean' });
    });
    const s = await playgroundState(page);
    expect(s.weights).toEqual([1, 1]);
    expect(s.bias).toBe(0.25);
    expect(s.cost).toBeCloseTo(s.meanCost, 12);
  });
});

test.describe('WebGPU detection', () => {
  test('shows the adapter the browser offers', async ({ page, errors }) => {
    await openPlayground(page);
    const found = await page.evaluate(async () => {
      const adapter = await navigator.gpu?.requestAdapter();
      return adapter ? adapter.info.architecture || adapter.info.vendor : null;
    });
    const text = page.locator('lp-playground [data-adapter]');
    if (found === null) {
      await expect(text).toContainText('No WebGPU');
    } else {
      await expect(text).toContainText(`WebGPU adapter: ${found}`);
    }
    expect(errors.messages).toEqual([]);
  });
});

test.describe('attributes', () => {
  test('configure a second element, and a bad one shows a notice naming it', async ({ page }) => {
    await openPlayground(page);
    const result = await page.evaluate(async () => {
      const host = document.createElement('div');
      host.innerHTML = `<lp-playground id="a" learning-rate="0.1" initial-weights="1,-1" bias reduction="mean" engine="cpu"></lp-playground>
        <lp-playground id="b" learning-rate="fast"></lp-playground>`;
      document.body.append(host);
      const a = document.querySelector<HTMLElementTagNameMap['lp-playground']>('#a');
      const b = document.querySelector<HTMLElementTagNameMap['lp-playground']>('#b');
      await a?.ready;
      await b?.ready;
      await a?.step(1);
      const notice = b?.shadowRoot?.querySelector('.notice')?.textContent ?? '';
      return { a: a?.state, notice };
    });
    expect(result.a).toMatchObject({ iteration: 1, engine: 'cpu' });
    expect(result.a?.cost).toBeCloseTo(result.a?.meanCost ?? Number.NaN, 12);
    expect(result.notice).toContain('learning-rate="fast" was ignored');
  });
});
