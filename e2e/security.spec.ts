/**
 * The security posture: every page carries the content security policy, the
 * preview server sends it as a header with who may frame the pages, no
 * sniffing and no referrer; the app's own work (the CSV worker, KaTeX, the
 * exports, the lecture's frame) runs under it with no violation, and the
 * policy does refuse what it is there to refuse.
 */

import { PAGE_POLICY, SECURITY_HEADERS } from '../src/security-policy';
import { expect, openPlayground, test } from './fixtures';

test('the pages carry the policy and the server its headers', async ({ page }) => {
  for (const path of ['/', '/lecture.html', '/speaker.html']) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(PAGE_POLICY);
    // Scripts from the origin; of run-time compiling, WebAssembly's alone (the CPU engine's kernel), never eval.
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).not.toContain("'unsafe-eval'");
  }
  // No source maps in what is shipped (the preview answers an unknown path with the page, never with a map).
  const script = await page.locator('script[type="module"][src]').first().getAttribute('src');
  const code = await (await page.request.get(script ?? '')).text();
  expect(code).not.toContain('sourceMappingURL');
  expect(await (await page.request.get(`${script}.map`)).text()).not.toContain('"mappings"');
});

test('the app works under the policy: a worker import, a PNG export, the lecture with its formulas and frame', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as Window & { violations?: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations?.push(e.violatedDirective));
  });
  await openPlayground(page);
  await page
    .locator('lp-data-controls input[type="file"]')
    .first()
    .setInputFiles({
      name: 'a.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b,label\n0,0,0\n1,1,1\n2,0,1\n'),
    });
  await page.locator('lp-csv-import').getByRole('button', { name: 'Import' }).click();
  await expect.poll(() => page.evaluate(() => document.querySelector('lp-playground')?.state.samples)).toBe(3);
  await page.locator('lp-data-actions [data-action="export"]').click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('lp-data-actions [data-figure="scatter"][data-format="png"]').click(),
  ]);
  expect(png.suggestedFilename()).toBe('scatter.png');
  expect(await page.evaluate(() => (window as Window & { violations?: string[] }).violations)).toEqual([]);
  await page.goto('/lecture.html#/15');
  await page.waitForFunction(() => (window as Window & { lecture?: { ready: Promise<void> } }).lecture !== undefined);
  await page.evaluate(() => (window as Window & { lecture?: { ready: Promise<void> } }).lecture?.ready);
  await expect(page.locator('.katex').first()).toBeAttached();
  expect(await page.evaluate(() => (window as Window & { violations?: string[] }).violations)).toEqual([]);
});

test('the policy refuses an inline script and an inline event handler', async ({ browser }) => {
  // A page of its own: the violations it provokes on purpose are not the app's errors.
  const page = await browser.newPage();
  await page.goto('/');
  const outcome = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.handled = true;');
    document.body.append(button);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const w = window as Window & { injected?: boolean; handled?: boolean };
    return { injected: w.injected === true, handled: w.handled === true, seen };
  });
  expect(outcome.injected).toBe(false);
  expect(outcome.handled).toBe(false);
  // Once for the header's policy and once for the page's: both refuse.
  expect(new Set(outcome.seen)).toEqual(new Set(['script-src-elem', 'script-src-attr']));
  await page.close();
});
