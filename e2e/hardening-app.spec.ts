/**
 * What an adversarial run broke in the page, each now a test: a false
 * divergence after points were added, removals below the two-point minimum,
 * notices that grew without bound, and API methods that threw instead of
 * rejecting. After each, the tutorial's w(10) is still what ten steps give.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  expectTutorialW10,
  openPlayground,
  playgroundState,
  stepPlayground,
  TUTORIAL_REFERENCE,
  test,
} from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** Sends edits as clicks on the scatter send them, all at once. */
function edits(page: Page, list: readonly { action: 'add' | 'remove'; x1: number; x2: number; t?: 0 | 1 }[]) {
  return page.locator('lp-scatter').evaluate((scatter, list) => {
    for (const detail of list) {
      scatter.dispatchEvent(new CustomEvent('lp-edit-point', { detail, bubbles: true, composed: true }));
    }
  }, list);
}

test('80 points added, then a step: no false divergence, the summed cost rose because N grew', async ({ page }) => {
  await openPlayground(page);
  await stepPlayground(page, 10);
  // Points deep on the wrong side: the summed cost jumps because N grew, not because training diverged.
  const added = Array.from({ length: 80 }, (_, i) => ({
    action: 'add' as const,
    x1: 3 + (i % 10) * 0.05,
    x2: 3 - Math.floor(i / 10) * 0.05,
    t: 0 as const,
  }));
  await edits(page, added);
  await expect.poll(async () => (await playgroundState(page)).samples, { timeout: 90_000 }).toBe(120);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('11');
  // Compared with the cost of the 40 points the run came from, it rose more than tenfold: no reason to stop.
  expect((await playgroundState(page)).cost).toBeGreaterThan(10 * TUTORIAL_REFERENCE.cost10);
  await expect(page.locator('lp-messages [data-divergence]')).toHaveCount(0);
  await expectTutorialW10(page);
});

test('quick removals never go below two points, by clicks or dispatched at once', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n2,2,1\n', 'three.csv'),
  );
  const box = await page.locator('lp-scatter svg.chart').boundingBox();
  if (!box) throw new Error('no scatter');
  await page.keyboard.down('Alt');
  for (let i = 0; i < 5; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.up('Alt');
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(2);
  await edits(
    page,
    Array.from({ length: 5 }, () => ({ action: 'remove' as const, x1: 0, x2: 0 })),
  );
  await expect(page.locator('lp-status')).toContainText(/fewest|last point of class/);
  await stepPlayground(page, 10);
  const state = await playgroundState(page);
  expect(state.samples).toBe(2);
  expect(Number.isFinite(state.cost)).toBe(true);
  await expectTutorialW10(page);
});

test('notices quote a short excerpt, merge, stay few, and can be dismissed', async ({ page }) => {
  const keys = Array.from({ length: 2000 }, (_, i) => `k${i}=1`).join('&');
  await openPlayground(page, `/#lr=${'9'.repeat(100_000)}&${keys}`);
  const notices = page.locator('lp-messages .notice');
  await expect(notices.first()).toBeVisible();
  expect(await notices.count()).toBeLessThanOrEqual(5);
  await expect(page.locator('lp-messages [data-more-notices]')).toContainText('more notices');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  expect((await notices.first().textContent())?.length ?? 0).toBeLessThan(400);
  await notices.first().getByRole('button', { name: 'Dismiss this notice' }).click();
  await page.locator('lp-messages').getByRole('button', { name: 'Dismiss all' }).click();
  await expect(notices).toHaveCount(0);
  await expectTutorialW10(page);
});

test('every method that returns a promise reports a failure by rejecting it, never by throwing', async ({ page }) => {
  await openPlayground(page);
  const outcomes = await page.evaluate(async () => {
    const pg = document.querySelector('lp-playground');
    if (!pg) throw new Error('no playground');
    const calls: Record<string, () => Promise<unknown>> = {
      'loadCsv(bad)': () => pg.loadCsv('x1,x2,t\n1,oops,0\n'),
      'loadCsv(42)': () => pg.loadCsv(42 as unknown as string),
      'step(-1)': () => pg.step(-1),
      'step("x")': () => pg.step('x' as unknown as number),
      'configure(η = -1)': () => pg.configure({ learningRate: -1 }),
      'change(unknown)': () => pg.change({ colour: 1 } as never),
      'loadModel(null)': () => pg.loadModel(null),
    };
    const out: Record<string, string> = {};
    for (const [name, call] of Object.entries(calls)) {
      let promise: Promise<unknown>;
      try {
        promise = call();
      } catch (error) {
        out[name] = `threw: ${(error as Error).message}`;
        continue;
      }
      out[name] = await promise.then(
        () => 'resolved',
        (error: Error) => `rejected: ${error.message}`,
      );
    }
    return out;
  });
  for (const [name, outcome] of Object.entries(outcomes)) expect(outcome, name).toMatch(/^rejected: ./);
  expect(outcomes['loadCsv(bad)']).toContain('Line 2');
  await expectTutorialW10(page);
});
