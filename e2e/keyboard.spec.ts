/**
 * Shortcuts as a mouse user meets them: after clicking a button, →, R and
 * Space still work (Space does not press the button again), and the "?"
 * list closes with Escape or a click outside, however it was opened, without
 * covering the scatter.
 */
import { expect, openPlayground, playgroundState, stepPlayground, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

test('after a click on a button the shortcuts still work, and Space plays rather than pressing the button again', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  // Focus stays on the Step button, put there by the mouse.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('2');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('12');
  await page.keyboard.press('r');
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('0');
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.change({ speed: { unit: 'per-frame', value: 1 } }),
  );
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('10');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await stepPlayground(page, 0);
  // Had Space pressed "Step ×10" again, the count would be a multiple of ten past 10.
  const iteration = (await playgroundState(page)).iteration;
  expect(iteration).toBeGreaterThan(10);
  expect(iteration % 10 !== 0 || iteration < 20).toBe(true);
});

test('a keyboard user still gets Space on a button they reached with Tab', async ({ page }) => {
  await openPlayground(page);
  for (let k = 0; k < 10; k++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('data-action');
    });
    if (name === 'step') break;
  }
  await page.keyboard.press('Space');
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('the shortcut list closes with Escape and with a click outside, and leaves the scatter uncovered', async ({
  page,
}) => {
  await openPlayground(page);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // Opened by the button, closed by Escape.
  await page.getByRole('button', { name: 'Keys ?' }).click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Opened by "?", closed by a click elsewhere.
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  const box = await help.boundingBox();
  const scatter = await page.locator('lp-scatter').boundingBox();
  if (!box || !scatter) throw new Error('nothing to measure');
  const overlaps =
    box.x < scatter.x + scatter.width &&
    scatter.x < box.x + box.width &&
    box.y < scatter.y + scatter.height &&
    scatter.y < box.y + box.height;
  expect(overlaps).toBe(false);
  await page.locator('lp-readout').click();
  await expect(help).toBeHidden();
  // And "?" toggles it: open, then closed again.
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
});

test('a letter typed in a list reached by keyboard is its own (type-ahead), not a shortcut; Presentation shows when it is on', async ({
  page,
}) => {
  await openPlayground(page);
  const preset = page.locator('lp-data-controls select#preset');
  await preset.focus();
  await page.keyboard.press('p');
  await expect(page.locator('lp-playground')).not.toHaveAttribute('presentation');
  await page.locator('lp-scatter').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.locator('lp-playground')).toHaveAttribute('presentation');
  const toggle = page.getByRole('button', { name: 'Presentation' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const [on, off] = await toggle.evaluate((b) => {
    const pressed = getComputedStyle(b).backgroundColor;
    b.setAttribute('aria-pressed', 'false');
    return [pressed, getComputedStyle(b).backgroundColor];
  });
  expect(on).not.toBe(off);
});

test('Play after a run stopped for diverging says what to do instead of doing nothing', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => document.querySelector('lp-playground')?.configure({ learningRate: 5 }));
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.change({ speed: { unit: 'per-frame', value: 1 } }),
  );
  await page.getByRole('button', { name: 'Play' }).click();
  // Play stops by itself once the run diverges, and says so.
  await expect(page.locator('lp-messages')).toContainText('diverg');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('lp-status')).toContainText('Play stays off after a divergence');
  expect(await page.evaluate(() => document.querySelector('lp-playground')?.playing)).toBe(false);
});
