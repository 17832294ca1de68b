/**
 * What a shared link says is what the page shows: a link that carries its
 * own data never also claims a preset's, refused data leave the address (a
 * reload does not repeat the failure), and a padded data value reads.
 */
import { expect, openPlayground, playgroundState, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** The tutorial's 40 points as a link carries them. */
async function tutorialLinkData(page: import('@playwright/test').Page): Promise<string> {
  await openPlayground(page);
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.loadCsv(el.exportCsv(), 'forty.csv');
  });
  const link = await page.evaluate(() => document.querySelector('lp-playground')?.shareLink());
  const value = new URLSearchParams(new URL(link ?? '').hash.slice(1)).get('data');
  if (!value) throw new Error('no data in the link');
  // The link is then opened in a fresh page, not followed as a change of hash.
  await page.goto('about:blank');
  return value;
}

test('a link with its own data and a preset shows the data, and its settings describe them', async ({ page }) => {
  const data = await tutorialLinkData(page);
  await openPlayground(page, `/#preset=gaussians&n=500&lr=0.1&data=${data}`);
  const seen = await page.evaluate(() => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    return { settings: el.settings, model: el.exportModel(), hash: location.hash };
  });
  expect((await playgroundState(page)).samples).toBe(40);
  expect(seen.settings.preset).toBe('tutorial');
  expect(seen.settings.gaussians.perClass).toBe(100);
  expect(seen.settings.training.learningRate).toBe(0.1);
  expect(seen.model.data).toMatchObject({ samples: 40, source: 'custom' });
  expect(seen.hash).not.toMatch(/preset=|n=500/);
  expect(seen.hash).toContain(`data=${data}`);
  await expect(page.locator('lp-playground .notice')).toContainText(
    'The link carries its own data: its "preset=gaussians", "n=500" were ignored',
  );
});

test('refused link data leave the address, so a reload does not repeat the failure', async ({ page }) => {
  await openPlayground(page, '/#lr=0.1&data=not!base64');
  await expect(page.locator('lp-playground .notice')).toContainText("The link's data could not be read");
  expect(await page.evaluate(() => location.hash)).toBe('#lr=0.1');
  await page.reload();
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  await expect(page.locator('lp-playground lp-messages')).not.toContainText('could not be read');
  expect((await page.evaluate(() => document.querySelector('lp-playground')?.settings))?.training.learningRate).toBe(
    0.1,
  );
});

test('a data value padded with = reads as the same data', async ({ page }) => {
  const data = await tutorialLinkData(page);
  const padding = '='.repeat((4 - (data.length % 4)) % 4 || 1);
  await openPlayground(page, `/#data=${data}${padding}`);
  expect((await playgroundState(page)).samples).toBe(40);
  await expect(page.locator('lp-playground lp-messages')).not.toContainText('could not be read');
});
