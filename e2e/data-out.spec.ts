/**
 * Taking work away and bringing it back: the data and the model as files
 * that import back exactly, each figure as a valid SVG and PNG, a shared
 * link that carries edited data into a fresh browser, and undo/redo of 24
 * changes, each state exactly.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { collectPageErrors } from './browser';
import { expect, openPlayground, playgroundState, startOnCpu, stepPlayground, test } from './fixtures';
import { axisMap, boxOf, overlap } from './views';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** Chooses an item of the Export menu and returns the file it downloads. */
async function exported(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('lp-data-actions [data-action="export"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`lp-data-actions #export-menu ${item}`).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

function exportCsv(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('lp-playground')?.exportCsv() ?? '');
}

/** Clicks on the scatter at data coordinates (x1, x2). */
async function clickAt(page: Page, x1: number, x2: number, modifiers: ('Shift' | 'Alt')[] = []): Promise<void> {
  const x = await axisMap(page.locator('lp-scatter'), 'x');
  const y = await axisMap(page.locator('lp-scatter'), 'y');
  await page.locator('lp-scatter svg.chart').click({ position: { x: x.toPixel(x1), y: y.toPixel(x2) }, modifiers });
}

test('data and model exported as files import back: the same data to the bit, the same weights', async ({
  page,
  browser,
  playgroundEngine,
}) => {
  await openPlayground(page);
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.change({ preset: 'gaussians', gaussians: { perClass: 60, seed: 11 } }),
  );
  await clickAt(page, 0.5, 0.5, ['Shift']);
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(121);
  await stepPlayground(page, 7);
  const before = await playgroundState(page);

  const data = await exported(page, '[data-export="data"]');
  expect(data.name).toBe('logistic-data.csv');
  const csv = data.bytes.toString('utf8');
  expect(csv).toBe(await exportCsv(page));
  expect(csv.split('\n')[0]).toBe('x1,x2,t');
  expect(csv.trim().split('\n')).toHaveLength(122);
  const modelFile = await exported(page, '[data-export="model"]');
  expect(modelFile.name).toBe('logistic-model.json');
  const model = JSON.parse(modelFile.bytes.toString('utf8'));
  expect(model).toMatchObject({
    format: 'logistic-playground-model',
    weights: before.weights,
    iteration: 7,
    engine: before.engine,
    data: { samples: 121, source: 'custom' },
    settings: { preset: 'gaussians', gaussians: { perClass: 60, seed: 11 }, training: { learningRate: 0.05 } },
  });
  expect(model.data.class0 + model.data.class1).toBe(121);
  const history = await exported(page, '[data-export="history"]');
  const rows = history.bytes.toString('utf8').trim().split('\n');
  expect(rows[0]).toBe('iteration,w1,w2,b,cost,accuracy,measured_on');
  expect(rows).toHaveLength(9);
  expect(Number(rows[8]?.split(',')[1])).toBe(before.weights[0]);

  // A fresh page: the CSV by the file picker, the model by the menu's "Load model".
  const fresh = await browser.newPage();
  // On the engine this page ran, so that the weights can agree to the bit.
  if (playgroundEngine === 'cpu') await startOnCpu(fresh.context());
  const errors = collectPageErrors(fresh);
  await openPlayground(fresh);
  await fresh.locator('lp-data-controls input[type="file"]').first().setInputFiles({
    name: data.name,
    mimeType: 'text/csv',
    buffer: data.bytes,
  });
  await expect.poll(async () => (await playgroundState(fresh)).samples).toBe(121);
  // The shortest text that reads back to each double, on both sides: equal text is equal bits.
  expect(await exportCsv(fresh)).toBe(csv);
  await fresh.locator('lp-data-actions [data-action="export"]').click();
  await fresh.locator('lp-data-actions #export-menu input[type="file"]').setInputFiles({
    name: modelFile.name,
    mimeType: 'application/json',
    buffer: modelFile.bytes,
  });
  await expect.poll(async () => (await playgroundState(fresh)).iteration).toBe(7);
  const restored = await playgroundState(fresh);
  expect(restored.weights).toEqual(before.weights);
  expect(restored.cost).toBeCloseTo(before.cost, 4);
  // Training goes on from there exactly as it would have.
  await stepPlayground(page, 3);
  await stepPlayground(fresh, 3);
  expect((await playgroundState(fresh)).weights).toEqual((await playgroundState(page)).weights);
  // A damaged model file is refused, saying why, and changes nothing.
  const refused = await fresh.evaluate(async () => {
    try {
      await document
        .querySelector('lp-playground')
        ?.loadModel({ format: 'logistic-playground-model', version: 1, settings: {}, weights: [1] });
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  });
  expect(refused).toContain("the model's weights must be 2 numbers [w1, w2], one per feature (x1, x2)");
  expect((await playgroundState(fresh)).iteration).toBe(10);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('each figure exports as an SVG that parses and a PNG that decodes', async ({ page }) => {
  await openPlayground(page);
  await stepPlayground(page, 5);
  for (const figure of ['scatter', 'cost-surface', 'loss-chart']) {
    const svg = await exported(page, `[data-figure="${figure}"][data-format="svg"]`);
    expect(svg.name).toBe(`${figure}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? '',
        root: root.localName,
        width: Number(root.getAttribute('width')),
        images: doc.querySelectorAll('image').length,
        ticks: Array.from(doc.querySelectorAll('.axis text'), (t) => t.textContent),
        styled: doc.querySelector('.axis text')?.getAttribute('style') ?? '',
        backdrop: doc.querySelector('svg > rect')?.getAttribute('fill') ?? '',
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error, figure).toBe('');
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBeGreaterThan(100);
    expect(parsed.ticks.length, figure).toBeGreaterThan(4);
    // The page's CSS does not travel with a file: the look is written onto the marks.
    expect(parsed.styled).toContain('font-size');
    // On the page's background: a dark theme's light text stays readable on any slide.
    expect(parsed.backdrop).toMatch(/^rgb/);
    if (figure !== 'loss-chart') expect(parsed.images, figure).toBe(1);

    const png = await exported(page, `[data-figure="${figure}"][data-format="png"]`);
    expect(png.name).toBe(`${figure}.png`);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const size = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      return { width: bitmap.width, height: bitmap.height };
    }, Array.from(png.bytes));
    expect(size.width).toBe(Math.round(2 * parsed.width));
    expect(size.height).toBeGreaterThan(100);
  }
});

test('a shared link with 300 edited points reproduces the experiment in a fresh browser', async ({
  page,
  browser,
  playgroundEngine,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const rows = Array.from({ length: 299 }, (_, i) => {
    const t = i % 2;
    return `${(Math.sin(i * 12.9898) * 2 + (t ? 1 : -1)).toPrecision(17)},${Math.cos(i * 78.233) * 2},${t}`;
  });
  await page.evaluate(
    (text) => document.querySelector('lp-playground')?.loadCsv(text, 'mine.csv'),
    `x1,x2,t\n${rows.join('\n')}\n`,
  );
  await clickAt(page, 1.25, -0.75);
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(300);
  await page.evaluate(() => document.querySelector('lp-playground')?.configure({ learningRate: 0.02 }));
  const csv = await exportCsv(page);

  await page.locator('lp-data-actions [data-action="copy-link"]').click();
  await expect(page.locator('lp-playground .status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await page.evaluate(() => document.querySelector('lp-playground')?.shareLink()));
  expect(link).toMatch(/#lr=0\.02&data=[A-Za-z0-9_-]+$/);
  await stepPlayground(page, 10);
  const trained = await playgroundState(page);

  const context = await browser.newContext();
  // On the engine this page ran, so that the weights can agree to the bit.
  if (playgroundEngine === 'cpu') await startOnCpu(context);
  const other = await context.newPage();
  const errors = collectPageErrors(other);
  await openPlayground(other, link);
  expect(await exportCsv(other)).toBe(csv);
  expect(await other.evaluate(() => document.querySelector('lp-playground')?.settings.training.learningRate)).toBe(
    0.02,
  );
  await expect(other.locator('lp-data-controls [data-custom]')).toContainText('From a shared link: 300 points');
  await stepPlayground(other, 10);
  const again = await playgroundState(other);
  expect(again.iteration).toBe(10);
  expect(again.weights[0]).toBeCloseTo(trained.weights[0] as number, 10);
  expect(again.weights[1]).toBeCloseTo(trained.weights[1] as number, 10);
  // The data stay in the page's address while they are shown: a reload keeps them.
  await other.reload();
  await other.evaluate(() => document.querySelector('lp-playground')?.ready);
  expect(await exportCsv(other)).toBe(csv);
  // Back over a change of settings keeps the link's data, in the page and in its address.
  await other.evaluate(() => document.querySelector('lp-playground')?.configure({ learningRate: 0.03 }));
  await other.goBack();
  await expect
    .poll(() => other.evaluate(() => document.querySelector('lp-playground')?.settings.training.learningRate))
    .toBe(0.02);
  expect(await exportCsv(other)).toBe(csv);
  expect(other.url()).toContain('&data=');
  // Other data, through the API too, leave the address: a reload shows them, not the link's.
  await other.evaluate(() => document.querySelector('lp-playground')?.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n'));
  expect(other.url()).not.toContain('data=');
  // A link pasted into a tab that shows the playground changes only the hash: its data come all the same.
  await openPlayground(other);
  expect((await playgroundState(other)).samples).toBe(40);
  await other.goto(link);
  await expect.poll(() => exportCsv(other)).toBe(csv);
  // A damaged link says so and falls back to the preset.
  await other.goto('about:blank');
  await openPlayground(other, link.slice(0, -40));
  await expect(other.locator('lp-playground .notice')).toContainText("The link's data could not be read");
  expect((await playgroundState(other)).samples).toBe(40);
  expect(errors).toEqual([]);
  await context.close();
});

test('a link says when the data are too many to travel in it', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const rows = Array.from({ length: 2001 }, (_, i) => `${i / 100},${(i % 7) - 3},${i % 2}`);
  await page.evaluate(
    (text) => document.querySelector('lp-playground')?.loadCsv(text, 'big.csv'),
    `x1,x2,t\n${rows.join('\n')}\n`,
  );
  await page.locator('lp-data-actions [data-action="copy-link"]').click();
  await expect(page.locator('lp-playground .status')).toContainText('not these 2,001 points'.replace(',', '\u202f'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain('data=');
});

test('24 changes of the data undo and redo, by keys and buttons, each state exactly', async ({ page }) => {
  // Adds, class-1 adds and removals, each undone and redone by key and by button in turn.
  const CHANGES = 24;
  await openPlayground(page);
  const states = [await exportCsv(page)];
  let n = 40;
  for (let i = 0; i < CHANGES; i++) {
    const x1 = -3.5 + (i % 12) * 0.6;
    const x2 = -3.5 + Math.floor(i / 12) * 1.4;
    if (i % 4 === 3) {
      await clickAt(page, x1, x2, ['Alt']);
      n--;
    } else {
      await clickAt(page, x1, x2, i % 2 ? ['Shift'] : []);
      n++;
    }
    await expect.poll(async () => (await playgroundState(page)).samples).toBe(n);
    states.push(await exportCsv(page));
  }
  const undo = page.locator('lp-data-actions [data-action="undo"]');
  const redo = page.locator('lp-data-actions [data-action="redo"]');
  await expect(undo).toHaveAttribute('aria-label', 'Undo: remove a point');
  for (let k = CHANGES - 1; k >= 0; k--) {
    if (k % 2) await page.keyboard.press('Control+z');
    else await undo.click();
    await expect.poll(() => exportCsv(page), { message: `undo to state ${k}`, timeout: 60_000 }).toBe(states[k]);
  }
  await expect(undo).toBeDisabled();
  for (let k = 1; k <= CHANGES; k++) {
    if (k % 2) await page.keyboard.press('Control+Shift+z');
    else await redo.click();
    await expect.poll(() => exportCsv(page), { message: `redo to state ${k}`, timeout: 60_000 }).toBe(states[k]);
  }
  await expect(redo).toBeDisabled();
  await expect(page.locator('lp-playground .status')).toContainText('Redone');
});

test('the Export menu works by keyboard alone, and gives focus back to its button', async ({ page }) => {
  await openPlayground(page);
  const exportButton = page.locator('lp-data-actions [data-action="export"]');
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.locator('lp-data-actions #export-menu');
  await expect(menu).toBeVisible();
  // The menu follows its button in the focus order.
  await page.keyboard.press('Tab');
  await expect(page.locator('lp-data-actions [data-export="data"]')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('logistic-data.csv');
  await expect(menu).toBeHidden();
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(exportButton).toBeFocused();
});

test('the note after Share covers no plot, goes with the next action, and goes by itself after a few seconds', async ({
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const share = page.locator('lp-data-actions [data-action="copy-link"]');
  const note = page.getByText('Link copied: it opens these settings');
  const plots = ['lp-scatter', 'lp-scatter .legend', 'lp-cost-surface', 'lp-loss-chart'];
  const coversNothing = async (when: string) => {
    const box = await boxOf(note);
    for (const plot of plots)
      expect(overlap(box, await boxOf(page.locator(plot))), `${when}: over ${plot}`).toBe(false);
  };
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const presentation of [false, true]) {
      await page.evaluate((p) => {
        const el = document.querySelector('lp-playground');
        if (el) el.presentation = p;
      }, presentation);
      await share.click();
      await expect(note).toBeVisible();
      await coversNothing(`${width}×${height}${presentation ? ', presentation' : ''}`);
      // The next thing done takes its place.
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(note).toHaveCount(0);
    }
  }
  // Left alone, it goes by itself (and a resize meanwhile neither keeps it nor puts it over a plot).
  await share.click();
  await expect(note).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await coversNothing('after a resize');
  await expect(note).toHaveCount(0, { timeout: 30_000 });
  // A key pressed is a next action too.
  await share.click();
  await expect(note).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(note).toHaveCount(0);
});
