/**
 * `npm run fuzz`: the long fuzz pass, apart from `npm test` (which runs only
 * the quick one, src/fuzz/ in Node, seeded).
 *
 * 1. The Node properties (src/fuzz/, the number reader, the CSV parser's
 *    work) with FUZZ_SCALE times their runs and a fresh seed.
 * 2. The browser: builds the app, serves it on localhost, opens it in
 *    headless Chromium (WebGPU on) and feeds it link hashes, attributes,
 *    values typed into its fields and CSV texts, the cases among
 *    them; after each, the page must hold (see e2e/fuzz/browser-fuzz.ts).
 *
 * It prints, for each door, how many inputs were tried, refused with a
 * message, accepted, skipped and failed; it exits 1 if any failed.
 *
 *   npm run fuzz                          both, 100 browser cases a door, Node runs ×50
 *   npm run fuzz -- --cases 300 --scale 200 --seed 7
 *   npm run fuzz -- --browser-only   |   --node-only
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { chromium } from 'playwright';
import { build, preview } from 'vite';
import { collectPageErrors, launchOptions } from '../e2e/browser';
import { fuzzAttributes, fuzzCsv, fuzzFields, fuzzHashes, openApp, type Tally, tally } from '../e2e/fuzz/browser-fuzz';
import { attributeSets, csvText, linkHash, numberText } from '../src/fuzz/arbitraries';
import { parseAttributes } from '../src/settings/attributes';
import { decodeSettings } from '../src/settings/url-state';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
};
const cases = option('cases', 100);
const scale = option('scale', 50);
const seed = option('seed', Date.now() % 2 ** 31);

/** The most points a case may ask the browser for: a software GPU takes minutes over millions. */
const BROWSER_MAX_PER_CLASS = 10_000;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function nodePass(): boolean {
  log(`Node properties, runs ×${scale}, seed ${seed}…`);
  const files = ['src/fuzz', 'src/model/number-syntax.test.ts', 'src/model/csv-linear.test.ts'];
  const run = spawnSync('npx', ['vitest', 'run', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SCALE: String(scale), FUZZ_SEED: String(seed) },
  });
  return run.status === 0;
}

/** The cases from the issue that found each bug, tried first at every door. */
const KNOWN = {
  hashes: [
    '#lr=0x1',
    '#toString=1&constructor=2&__proto__=3&valueOf=4',
    `#lr=${'1'.repeat(100_000)}`,
    `#${Array.from({ length: 2000 }, (_, i) => `k${i}=1`).join('&')}`,
    '#lr=1e309',
    '#w0=1e39,1',
  ],
  attributes: [{ 'learning-rate': '0x1' }, { 'learning-rate': '1e309' }, { 'initial-weights': '9'.repeat(400) }],
  fields: ['0x10', '1e309', '9'.repeat(400), '−4', '1 000', ''],
  csv: [
    'x1,x2,t\n0,0,0\n1e39,1,1\n',
    'x1,x2,t\n0,0,0\n1e308,1,1\n',
    'x1,x2,t\n5e-324,5e-324,0\n-5e-324,-5e-324,1\n',
    `x1,x2,t\n0,0,0\n${'1'.repeat(100_000)}z,1,1\n`,
    'x1,x2,t\n1e9,-1e9,0\n-1e9,1e9,1\n',
  ],
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function browserPass(): Promise<Map<string, Tally>> {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, offset: number) =>
    fc.sample(arbitrary, { numRuns: cases, seed: seed + offset });
  const small = (settings: { gaussians: { perClass: number }; preset: string }) =>
    settings.preset !== 'gaussians' || settings.gaussians.perClass <= BROWSER_MAX_PER_CLASS;
  const hashes = [...KNOWN.hashes, ...sample(linkHash(), 1)];
  const browserHashes = hashes.filter((h) => small(decodeSettings(h).settings));
  // Only names an element can carry (setAttribute refuses the others before the page sees them).
  const attributeName = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;
  const attributeCases = [...KNOWN.attributes, ...sample(attributeSets(), 2)].map((set) =>
    Object.fromEntries(
      Object.entries(set).filter((e): e is [string, string] => e[1] !== null && attributeName.test(e[0])),
    ),
  );
  // As the element reads them: a boolean attribute that is present is on, whatever its text.
  const refusesAttributes = (a: Readonly<Record<string, string>>) =>
    parseAttributes({ ...a, bias: 'bias' in a ? '1' : null }).notices.length > 0;
  const fields = [...KNOWN.fields, ...sample(numberText(), 3)];
  const csv = [...KNOWN.csv, ...sample(csvText(), 4)];

  const outDir = mkdtempSync(join(tmpdir(), 'lp-fuzz-'));
  const configFile = resolve(root, 'vite.config.ts');
  log('building the app…');
  await build({ configFile, root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ configFile, root, build: { outDir }, preview: { port, strictPort: true } });
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch(launchOptions());
  const results = new Map<string, Tally>();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const consoleErrors = collectPageErrors(page);
    // tsx names the functions inside page.evaluate() callbacks with a helper the page lacks: a stand-in.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`security policy violation: ${e.violatedDirective}`),
      ),
    );
    const door = async (name: string, run: (t: Tally) => Promise<void>) => {
      log(`browser: ${name}…`);
      const t = tally();
      results.set(name, t);
      await openApp(page, origin);
      await run(t);
    };
    await door('link hashes', async (t) => {
      t.skipped = hashes.length - browserHashes.length;
      await fuzzHashes(page, origin, browserHashes, (h) => decodeSettings(h).notices.length > 0, t, consoleErrors);
    });
    await door('typed fields', (t) => fuzzFields(page, fields, t, consoleErrors));
    await door('CSV texts', (t) => fuzzCsv(page, csv, t, consoleErrors));
    await door('attributes', (t) => fuzzAttributes(page, attributeCases, refusesAttributes, t, consoleErrors));
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}

function report(results: Map<string, Tally>): string {
  const rows = [['door', 'tried', 'refused', 'accepted', 'skipped', 'failed']];
  for (const [name, t] of results) rows.push([name, t.tried, t.refused, t.accepted, t.skipped, t.failed].map(String));
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '),
  );
  const failures = [...results.values()].flatMap((t) => t.failures);
  return [
    `browser fuzz, seed ${seed}:`,
    ...lines,
    ...(failures.length > 0 ? ['', 'failures (first 20):', ...failures.slice(0, 20).map((f) => `  ${f}`)] : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const nodeOk = args.includes('--browser-only') ? true : nodePass();
  let failed = 0;
  if (!args.includes('--node-only')) {
    const results = await browserPass();
    process.stdout.write(`${report(results)}\n`);
    failed = [...results.values()].reduce((sum, t) => sum + t.failed, 0);
  }
  if (!nodeOk) log(`the Node properties failed (replay with FUZZ_SCALE=${scale} FUZZ_SEED=${seed})`);
  process.exit(nodeOk && failed === 0 ? 0 : 1);
}

await main();
