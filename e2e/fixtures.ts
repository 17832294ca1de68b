/**
 * Shared fixtures: a page that fails the test on any console error or
 * uncaught exception, and helpers that drive <lp-playground> through its
 * public API inside the page.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type {} from '../components/lp-playground';

export interface PageErrors {
  readonly messages: string[];
}

export const test = base.extend<{ errors: PageErrors }>({
  errors: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') messages.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push(`uncaught: ${e.message}`));
    await use({ messages });
    expect(messages, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };

/** Opens the app (optionally with attributes set on <lp-playground> via the URL's query) and waits until it is ready. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => customElements.get('lp-playground') !== undefined);
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
}

/** Reads the element's public state. */
export function playgroundState(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no <lp-playground> on the page');
    return { ...el.state, weights: [...el.state.weights] };
  });
}

/** The tutorial's reference path from w(0) = (−4, −2), η = 0.05, summed cost, no bias. */
export const TUTORIAL_PATH: Record<number, readonly [number, number]> = {
  1: [-2.0147, -1.0962],
  2: [-0.1327, -0.2125],
  3: [0.9148, 0.3743],
  10: [1.4854, 0.7834],
};
