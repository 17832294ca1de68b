/**
 * axe-core in the page: the violations it finds in what is shown now, reduced
 * to what a failure message needs. One helper for every page we test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: number;
}

interface AxeWindow {
  axe?: {
    run: (c: Document) => Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }>;
  };
}

/** Every violation axe-core finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => (window as AxeWindow).axe !== undefined))) {
    // Evaluated by the test driver, not added as an inline <script>: the page's security policy refuses those.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async () => {
    const axe = (window as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}

/** The violations a user would be blocked by. */
export function seriousOnes(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
