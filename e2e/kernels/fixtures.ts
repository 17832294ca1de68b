/**
 * Kernel tests: a harness page from the dev server exposing the engines as
 * window.lp. Any console error or uncaught exception fails the test.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { collectPageErrors } from '../browser';
import type {} from './harness';

export const test = base.extend<{ harness: Page }>({
  harness: async ({ page }, use) => {
    const problems = collectPageErrors(page);
    await page.goto('/e2e/kernels/harness.html');
    await page.waitForFunction(() => window.lp !== undefined);
    await use(page);
    expect(problems, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };
