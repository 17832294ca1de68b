/**
 * CSV in: by the file picker, by a drop on the scatter and by Ctrl+V; a file
 * with other columns asks which is which (by keyboard, passing axe); a bad
 * file is refused naming the file and the line; a million rows are read in a
 * worker with progress while the page answers, and Cancel keeps the data.
 * Each import must give exactly the data of its file: the same N and class
 * counts, the model's exportCsv() equal to the file's rows, and the same
 * weights after ten steps as the same text given to loadCsv.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatCsv } from '../src/model/csv';
import { datasetFromRows } from '../src/model/dataset';
import { axeViolations, seriousOnes } from './axe';
import { expect, openPlayground, playgroundState, stepPlayground, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** Rows of a fixed formula with full-precision doubles: a column mixed up or a digit lost changes the weights. */
function rows(n: number): Array<[number, number, 0 | 1]> {
  return Array.from({ length: n }, (_, i) => {
    const t = (i % 3 === 0 ? 1 : 0) as 0 | 1;
    return [Math.sin(i * 1.7) * 2 + (t ? 0.9 : -0.9), Math.cos(i * 0.61) * 1.5 + t * 0.4, t];
  });
}
const DATA = rows(37);
const csv = (header: string, row: (r: [number, number, 0 | 1], i: number) => string, data = DATA) =>
  `${[header, ...data.map(row)].join('\n')}\n`;
/** The reference: the same data as the loadCsv API takes it. */
const STANDARD = csv('x1,x2,t', ([a, b, t]) => `${a},${b},${t}`);
const COUNTS = [DATA.filter((r) => r[2] === 0).length, DATA.filter((r) => r[2] === 1).length];

const scatterOf = (page: Page) => page.locator('lp-scatter');
const importer = (page: Page) => page.locator('lp-csv-import');
const dialogOf = (page: Page) => importer(page).locator('dialog');
const outcomeOf = (page: Page) => importer(page).locator('[data-import-outcome]');

/** Waits until the model has the data named `name`. */
async function loaded(page: Page, name: string, samples: number, timeout?: number): Promise<void> {
  await expect(page.locator('lp-data-controls [data-custom]')).toContainText(`From ${name}`, { timeout });
  await expect.poll(async () => (await playgroundState(page)).samples, { timeout }).toBe(samples);
}

/** The data on screen are exactly STANDARD's: N, the class counts, and w(10) as loadCsv's copy of them gives. */
async function expectTheData(page: Page, name: string): Promise<void> {
  await loaded(page, name, DATA.length);
  await expect(page.locator('lp-scatter [data-legend-class="0"]')).toHaveText(`t = 0 · ${COUNTS[0]} points`);
  await expect(page.locator('lp-scatter [data-legend-class="1"]')).toHaveText(`t = 1 · ${COUNTS[1]} points`);
  // The model's own export of its data is the file's, number for number.
  const exported = await page.evaluate(() => document.querySelector('lp-playground')?.exportCsv());
  expect(exported).toBe(formatCsv(datasetFromRows(DATA)));
  const weights = await page.evaluate(async (reference) => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    await el.step(10);
    const imported = [...el.state.weights];
    await el.loadCsv(reference, 'reference.csv');
    await el.step(10);
    return { imported, reference: [...el.state.weights], iteration: el.state.iteration };
  }, STANDARD);
  expect(weights.iteration).toBe(10);
  expect(weights.imported).toEqual(weights.reference);
}

test('a file with the header x1,x2,t chosen with the file picker imports at once, exactly', async ({ page }) => {
  await openPlayground(page);
  await page
    .locator('lp-data-controls input#csv')
    .setInputFiles({ name: 'picked.csv', mimeType: 'text/csv', buffer: Buffer.from(STANDARD) });
  await expectTheData(page, 'picked.csv');
  await expect(dialogOf(page)).not.toBeVisible();
});

test('a file dropped on the scatter imports, exactly', async ({ page }) => {
  await openPlayground(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    // CRLF and a BOM, as a spreadsheet writes them.
    transfer.items.add(new File([`\uFEFF${text.replace(/\n/g, '\r\n')}`], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  }, STANDARD);
  await scatterOf(page).dispatchEvent('dragover', { dataTransfer });
  await expect(scatterOf(page)).toHaveAttribute('data-drop-target', '');
  await scatterOf(page).dispatchEvent('drop', { dataTransfer });
  await expect(scatterOf(page)).not.toHaveAttribute('data-drop-target');
  await expectTheData(page, 'dropped.csv');
});

test('Ctrl+V on the playground imports the clipboard text, exactly; a paste into a field stays there', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  // A paste into η is η's business.
  await page.evaluate((text) => navigator.clipboard.writeText(text), STANDARD);
  const eta = page.locator('lp-optimiser-controls lp-number-field').first().locator('input');
  await eta.focus();
  await page.keyboard.press('Control+V');
  await expect(eta).toHaveValue(/x1,x2,t/);
  await expect(dialogOf(page)).not.toBeVisible();
  await expect(importer(page).locator('progress')).toHaveCount(0);
  expect((await playgroundState(page)).samples).toBe(40);
  await eta.fill('0.05');
  // On a button of the playground it is data.
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Control+V');
  await expectTheData(page, 'the pasted text');
});

test('a file with other columns asks which is which; answered by keyboard, the data arrive right', async ({ page }) => {
  await openPlayground(page);
  // The label first, then b (the second coordinate) before a (the first), and a column to leave out.
  const other = csv('label,b,a,id', ([a, b, t], i) => `${t},${b},${a},${i + 1}`);
  const input = page.locator('lp-data-controls input#csv');
  const choose = () => input.setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(other) });
  const before = await playgroundState(page);

  // Esc cancels, focus goes back, nothing changes.
  await input.focus();
  await choose();
  await expect(dialogOf(page)).toBeVisible();
  await expect(dialogOf(page)).toHaveAccessibleName('Which column is which?');
  await page.keyboard.press('Escape');
  await expect(dialogOf(page)).not.toBeVisible();
  await expect(outcomeOf(page)).toHaveText('Import cancelled; the data are unchanged.');
  await expect(input).toBeFocused();
  expect(await playgroundState(page)).toEqual(before);

  await choose();
  await expect(dialogOf(page)).toBeVisible();
  expect(seriousOnes(await axeViolations(page))).toEqual([]);
  const selects = importer(page).locator('dialog select');
  await expect(selects).toHaveCount(4);
  // The guess: the 0/1 column is t, the next numeric ones x1 and x2, the rest left out; focus on the first choice.
  await expect(selects.nth(0)).toBeFocused();
  const guessed = await selects.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
  expect(guessed).toEqual(['t', 'x1', 'x2', '']);
  await expect(importer(page).locator('dialog tbody tr')).toHaveCount(5);
  await expect(importer(page).locator('dialog thead')).toContainText('label');
  await expect(selects.nth(2)).toHaveAccessibleName('Column 3 (a) is');

  // Column a is x1: Tab to its choice, one up (x₂ → x₁); b takes x₂ in exchange.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(selects.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(selects.nth(2)).toHaveValue('x1');
  await expect(selects.nth(1)).toHaveValue('x2');
  const importButton = importer(page).getByRole('button', { name: 'Import' });
  // Past column 4 and Cancel.
  for (let k = 0; k < 3; k++) await page.keyboard.press('Tab');
  await expect(importButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialogOf(page)).not.toBeVisible();
  await expectTheData(page, 'other.csv');
});

test('a file without a header asks, with the first row as data', async ({ page }) => {
  await openPlayground(page);
  const bare = csv('', ([a, b, t]) => `${a},${b},${t}`).replace(/^\n/, '');
  await page
    .locator('lp-data-controls input#csv')
    .setInputFiles({ name: 'bare.csv', mimeType: 'text/csv', buffer: Buffer.from(bare) });
  await expect(dialogOf(page)).toBeVisible();
  await expect(
    importer(page).getByRole('checkbox', { name: 'The first row holds the column names' }),
  ).not.toBeChecked();
  await importer(page).getByRole('button', { name: 'Import' }).press('Enter');
  await expectTheData(page, 'bare.csv');
});

test('a bad file says which file and which line, and the data stay', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => document.querySelector('lp-playground')?.loadCsv('x1,x2,t\n0,1,0\n1,0,1\n', 'good.csv'));
  await expect(page.locator('lp-status')).toHaveText('Loaded good.csv.');
  await stepPlayground(page, 3);
  const before = await playgroundState(page);
  await page.locator('lp-data-controls input#csv').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x1,x2,t\n0.5,1,0\nabc,2,1\n1,1,1\n'),
  });
  await expect(outcomeOf(page)).toHaveText('Could not load bad.csv: Line 3: x1 is not a number: "abc"');
  await expect(outcomeOf(page)).toHaveAttribute('role', 'alert');
  // The status line describes the latest action, not the import before it.
  await expect(page.locator('lp-status')).toHaveText('Could not load bad.csv: Line 3: x1 is not a number: "abc"');
  expect(await playgroundState(page)).toEqual(before);
  await expect(page.locator('lp-data-controls [data-custom]')).toContainText('From good.csv');
});

test('a UTF-16 file is refused by name, asking for UTF-8, with no column question', async ({ page }) => {
  await openPlayground(page);
  const text = 'x1,x2,t\n0.5,1,0\n-1,2,1\n';
  await page.locator('lp-data-controls input#csv').setInputFiles({
    name: 'wide.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  });
  await expect(outcomeOf(page)).toHaveText('Could not load wide.csv: UTF-16 is not supported: save it as UTF-8');
  await expect(dialogOf(page)).not.toBeVisible();
  expect((await playgroundState(page)).samples).toBe(40);
});

const MILLION = join(tmpdir(), `lp-import-${process.pid}-million.csv`);

test.describe('a million rows', () => {
  test.beforeAll(() => {
    const lines = ['x1,x2,t'];
    for (let i = 0; i < 1_000_000; i++) {
      const t = i % 2;
      lines.push(`${Math.sin(i) * 2 + (t ? 1 : -1)},${Math.cos(i * 1.3) * 2},${t}`);
    }
    writeFileSync(MILLION, `${lines.join('\n')}\n`);
  });
  test.afterAll(() => rmSync(MILLION, { force: true }));

  test('are read in a worker with rising progress while the page answers; Cancel keeps the data', async ({ page }) => {
    // A million rows read twice: on a busy two-core machine one read alone took over 20 s.
    test.slow();
    await openPlayground(page);
    // The page notes the progress it shows, when a click's effect is sent, and when the data arrive.
    await page.evaluate(() => {
      const w = window as Window & { seen?: { progress: number[]; clicked?: number; loaded?: number } };
      const seen: { progress: number[]; clicked?: number; loaded?: number } = { progress: [] };
      w.seen = seen;
      const bar = () =>
        document
          .querySelector('lp-playground')
          ?.shadowRoot?.querySelector('lp-data-controls')
          ?.shadowRoot?.querySelector('lp-csv-import')
          ?.shadowRoot?.querySelector('progress');
      setInterval(() => {
        const value = bar()?.value;
        if (value !== undefined && value !== seen.progress.at(-1)) seen.progress.push(value);
      }, 5);
      document.addEventListener('lp-add-class', () => {
        seen.clicked ??= performance.now();
      });
      document.addEventListener('lp-load-data', () => {
        seen.loaded ??= performance.now();
      });
    });
    const input = page.locator('lp-data-controls input#csv');
    const progress = importer(page).locator('progress');
    const choose = async () => {
      await input.setInputFiles(MILLION);
      await expect(progress).toBeVisible();
    };

    await choose();
    const name = MILLION.split('/').at(-1);
    await expect(importer(page).locator('label[for="import-progress"]')).toContainText(`Reading ${name}:`);
    // A click while it reads is answered at once.
    const t1 = page.locator('lp-data-controls').getByRole('radio', { name: 't = 1' });
    await t1.click();
    await expect(t1).toBeChecked();
    await loaded(page, name ?? '', 1_000_000, 120_000);
    const seen = await page.evaluate(
      () => (window as Window & { seen?: { progress: number[]; clicked?: number; loaded?: number } }).seen,
    );
    const below = (seen?.progress ?? []).filter((v) => v < 1);
    expect(new Set(below).size, JSON.stringify(seen?.progress)).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < below.length; k++) expect(below[k]).toBeGreaterThan(below[k - 1]!);
    expect(seen?.clicked).toBeLessThan(seen?.loaded ?? 0);
    await expect(page.locator('lp-scatter [data-legend-class="1"]')).toHaveText('t = 1 · 500\u202f000 points');

    // A second run, cancelled: the million points and the weights stay.
    await stepPlayground(page, 2);
    const before = await playgroundState(page);
    await choose();
    await importer(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(outcomeOf(page)).toHaveText('Import cancelled; the data are unchanged.');
    await expect(progress).toHaveCount(0);
    expect(await playgroundState(page)).toEqual(before);
    await expect(page.locator('lp-data-controls [data-custom]')).toContainText(
      `From ${name}: 1\u202f000\u202f000 points`,
    );
  });
});
