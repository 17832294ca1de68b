/**
 * Opening the lecture in a test: the page, then its deck and every slide's
 * models ready. One helper for the lecture's specs.
 */
import type { Page } from '@playwright/test';
import type {} from '../entries/lecture/lecture-api';

/**
 * reveal.js's configuration by the address: no slide transitions. What a
 * test looks at is a slide once it stands; each transition is a second of
 * SwiftShader drawing frames in between.
 */
export const WITHOUT_TRANSITIONS = '?transition=none&backgroundTransition=none';

/** Opens the lecture at `hash` (a slide's `#/id`), with `query` as reveal.js's configuration, and waits until it is ready. */
export async function openLecture(page: Page, hash = '', query = ''): Promise<void> {
  await page.goto(`/lecture.html${query}${hash}`);
  await page.waitForFunction(() => window.lecture !== undefined);
  await page.evaluate(() => window.lecture?.ready);
}
