/**
 * Nothing hides what a user needs to read: a refused value's message leaves
 * the next row of controls free, the labels w(0) and −η∇ξ on the cost
 * surface never sit on each other (on the page and in the exported figure),
 * the label of the weight vector w sits on no data point, and the scatter's
 * legend leaves the boundary line free.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openPlayground, stepPlayground, test } from './fixtures';
import { type Box, boxOf, overlap } from './views';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

for (const presentation of [false, true]) {
  test(`the message of a refused η leaves the Batch row free${presentation ? ' (presentation)' : ''}`, async ({
    page,
  }) => {
    await openPlayground(page);
    await page.evaluate((presentation) => {
      const el = document.querySelector('lp-playground');
      if (el) el.presentation = presentation;
    }, presentation);
    await page.locator('#batch-mode').selectOption('mini');
    const eta = page.locator('lp-optimiser-controls lp-number-field').first();
    await eta.locator('input').fill('oops');
    await eta.locator('input').press('Enter');
    const message = eta.locator('.error');
    await expect(message).toContainText('η must be');
    const box = await boxOf(message);
    const controls = page.locator('lp-optimiser-controls');
    const batchRow = {
      'the Batch select': controls.locator('#batch-mode'),
      'the Batch label': controls.locator('label[for="batch-mode"]'),
      'the batch size': controls.locator('lp-number-field').nth(1).locator('input'),
    };
    for (const [name, what] of Object.entries(batchRow)) {
      expect(overlap(box, await boxOf(what)), `the message covers ${name}`).toBe(false);
    }
    // It is read whole, inside the window.
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    // And the field it is about stays in sight.
    expect(overlap(box, await boxOf(eta.locator('input')))).toBe(false);
  });
}

/** The boxes of the cost surface's path and step labels. */
function surfaceLabels(page: Page) {
  return page.locator('lp-cost-surface').evaluate((el) =>
    [...(el.shadowRoot?.querySelectorAll('.labels text') ?? [])].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
}

/** The halo each label is drawn with (a 3 px stroke under the text): two labels closer than that touch. */
const HALO = 1.5;

function expectApart(labels: (Box & { text: string })[], where: string): void {
  const grown = labels.map((l) => ({
    ...l,
    left: l.left - HALO,
    right: l.right + HALO,
    top: l.top - HALO,
    bottom: l.bottom + HALO,
  }));
  for (let i = 0; i < grown.length; i++) {
    for (let j = i + 1; j < grown.length; j++) {
      const a = grown[i] as Box & { text: string };
      const b = grown[j] as Box & { text: string };
      expect(overlap(a, b), `${where}: "${a.text}" on "${b.text}"`).toBe(false);
    }
  }
}

/** Starts, rates and steps where the next step is short and w(0) is near the arrow's tip. */
const SHORT_STEPS: readonly { w0: [number, number]; learningRate: number; steps: number }[] = [
  { w0: [-4, -2], learningRate: 0.004, steps: 0 },
  { w0: [-2.4, -2], learningRate: 0.01, steps: 1 },
  { w0: [-3.1, -2.6], learningRate: 0.01, steps: 1 },
  { w0: [0.3, -0.3], learningRate: 0.01, steps: 3 },
  { w0: [2.4, 2.4], learningRate: 0.03, steps: 2 },
];

test('w(0) and −η∇ξ never sit on each other, whatever the step, on the page and in the exported SVG', async ({
  page,
}) => {
  test.slow();
  await openPlayground(page);
  for (const { w0, learningRate, steps } of SHORT_STEPS) {
    await page.evaluate(
      async ({ w0, learningRate, steps }) => {
        const el = document.querySelector('lp-playground');
        await el?.configure({ learningRate, initialWeights: w0 });
        await el?.step(steps);
      },
      { w0, learningRate, steps },
    );
    await expect(page.locator('[data-readout="iteration"]')).toHaveText(String(steps));
    await expect(page.locator('lp-cost-surface .labels text.gradient-label')).toHaveCount(1);
    const labels = await surfaceLabels(page);
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['−η∇ξ']));
    expectApart(labels, `w(0) = (${w0}), η = ${learningRate}, ${steps} steps`);
  }
  // The exported figure draws its labels where the page does: laid out again in a page of its own, still apart.
  await page.locator('lp-data-actions [data-action="export"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('lp-data-actions [data-figure="cost-surface"][data-format="svg"]').click(),
  ]);
  const svg = await readFile(await download.path(), 'utf8');
  const exported = await page.evaluate((svg) => {
    const holder = document.createElement('div');
    holder.style.cssText = 'position: fixed; left: 0; top: 0';
    holder.innerHTML = svg;
    document.body.append(holder);
    const out = [...holder.querySelectorAll('.labels text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    holder.remove();
    return out;
  }, svg);
  expect(exported.map((l) => l.text)).toEqual(expect.arrayContaining(['w(0)', '−η∇ξ']));
  expectApart(exported, 'exported SVG');
});

/** The scatter's marks as page boxes: the label of w, the points, the legend, and the boundary's ends. */
function scatterMarks(page: Page) {
  return page.locator('lp-scatter').evaluate((el) => {
    const root = el.shadowRoot;
    if (!root) throw new Error('no scatter');
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const label = root.querySelector('.weight-label');
    const line = root.querySelector<SVGLineElement>('line.boundary');
    const svg = root.querySelector('svg.chart')?.getBoundingClientRect();
    const end = (x: string, y: string) => [
      (svg?.left ?? 0) + Number(line?.getAttribute(x)),
      (svg?.top ?? 0) + Number(line?.getAttribute(y)),
    ];
    return {
      label: label ? box(label) : undefined,
      points: [...root.querySelectorAll('path.point')].map(box),
      legend: box(root.querySelector('.legend') as Element),
      boundary: line?.getAttribute('visibility') === 'visible' ? [end('x1', 'y1'), end('x2', 'y2')] : undefined,
    };
  });
}

/** Whether the segment from a to b passes through the box. */
function crosses(a: number[], b: number[], box: Box): boolean {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  for (let k = 0; k <= 400; k++) {
    const x = ax + ((bx - ax) * k) / 400;
    const y = ay + ((by - ay) * k) / 400;
    if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
  }
  return false;
}

test('the label of w sits on no data point, all through a run', async ({ page }) => {
  await openPlayground(page);
  for (let iteration = 0; iteration <= 12; iteration++) {
    const marks = await scatterMarks(page);
    expect(marks.label, `iteration ${iteration}: w is labelled`).toBeDefined();
    const covered = marks.points.filter((p) => marks.label && overlap(marks.label, p));
    expect(covered, `iteration ${iteration}: points under the label of w`).toEqual([]);
    await stepPlayground(page, 1);
  }
});

// At 1280×720 and on a projector (1920×1080, presentation mode: larger text, a larger legend).
for (const presentation of [false, true]) {
  test(`the legend leaves the boundary free, all through a run${presentation ? ' (1920×1080, presentation)' : ''}`, async ({
    page,
  }) => {
    if (presentation) await page.setViewportSize({ width: 1920, height: 1080 });
    await openPlayground(page);
    await page.evaluate((presentation) => {
      const el = document.querySelector('lp-playground');
      if (el) el.presentation = presentation;
    }, presentation);
    for (let iteration = 0; iteration <= 12; iteration++) {
      const marks = await scatterMarks(page);
      if (marks.boundary) {
        const [a = [], b = []] = marks.boundary;
        expect(crosses(a, b, marks.legend), `iteration ${iteration}: the legend hides the boundary`).toBe(false);
      }
      await stepPlayground(page, 1);
    }
  });
}
