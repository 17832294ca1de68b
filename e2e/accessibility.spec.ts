/** Keyboard-only use and axe-core. */
import { axeViolations, seriousOnes } from './axe';
import { expect, openPlayground, playgroundState, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** Describes the focused element, through shadow roots: its label, or its text. */
function focused(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '';
    const input = a as HTMLInputElement;
    // The accessible name: aria-label first, then the label, then the text.
    const label = a.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? a.textContent ?? '';
    const type = a.tagName === 'INPUT' ? `[${input.type}]` : '';
    return `${a.tagName.toLowerCase()}${type}: ${label.replace(/\s+/g, ' ').trim()}`;
  });
}

test('every control is reachable with Tab and works from the keyboard', async ({ page, errors }) => {
  await openPlayground(page);
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  const expected = [
    'button: Play',
    'button: Step',
    'button: Step ×10',
    'button: Reset',
    'button: Keys ?',
    'button: Presentation',
    'select: Preset',
    'input[file]: Load CSV (x1,x2,t)',
    'input[radio]: t = 0',
    'input[checkbox]: bias b',
    'input[radio]: sum',
    'input[range]: Learning rate η',
    'input[text]: η',
    'select: Batch',
    'input[text]: speed',
    'select: speed unit',
    'input[text]: w₁(0)',
    'input[text]: w₂(0)',
  ];
  for (const name of expected) expect(seen, `Tab reaches ${name}`).toContain(name);

  // Operate some of them without a mouse.
  const tabTo = async (name: string) => {
    for (let i = 0; i < 60 && (await focused(page)) !== name; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(name);
  };
  await tabTo('button: Play');
  await page.keyboard.press('Space');
  await expect.poll(async () => (await playgroundState(page)).iteration).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await tabTo('input[range]: Learning rate η');
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('lp-playground')?.settings.training.learningRate))
    .not.toBe(0.05);

  await tabTo('input[text]: w₁(0)');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await playgroundState(page)).weights[0]).toBe(1.5);

  await tabTo('select: Preset');
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('lp-playground')?.settings.preset))
    .toBe('gaussians');

  // Space on the page (not in a control) plays and pauses; → steps; r resets.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('r');
  await expect.poll(async () => (await playgroundState(page)).iteration).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await playgroundState(page)).iteration).toBe(1);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});

test('axe-core finds no serious or critical violation', async ({ page, errors }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await page.locator('lp-data-controls select#preset').selectOption('gaussians');
  await page.getByRole('button', { name: 'Keys ?' }).click();
  const violations = await axeViolations(page);
  const serious = seriousOnes(violations);
  expect(serious, JSON.stringify(violations, null, 2)).toEqual([]);
  expect(errors.messages).toEqual([]);
});
