/** Placeholder replaced below */
import type { Page } from 'playwright';
import type { Interactivity } from './results';
export async function measureInteractivity(_page: Page, _origin: string, _smoke: boolean): Promise<Interactivity> {
  return { frameMsP50: Number.NaN, frameMsP95: Number.NaN, lrChangeToFrameMs: Number.NaN };
}
