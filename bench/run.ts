/**
 * `npm run bench`: builds the app and the bench page, serves them on
 * localhost, launches headless Chromium with WebGPU, runs every workload on
 * identical data in one page, prints a table and writes bench/results.json.
 *
 *   npm run bench               the full set (N up to 10^6, and 10^7 when the device allows)
 *   npm run bench -- --quick    N ≤ 10^5, 3 shorter repetitions, cost surface up to 10^4: under two minutes
 *   npm run bench -- --smoke    N = 10^3, one repetition: the check inside `npm test`
 *   npm run bench -- --with-1e7 also N = 10^7 on a software adapter (about half an hour there)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { launchOptions } from '../e2e/browser';
import type {} from './bench-page';
import { measureInteractivity } from './interactivity';
import { measureLargeData } from './large-data';
import { report } from './report';
import type { BenchResults, TrainingEngine, TrainingResult } from './results';
import type { BenchMode } from './timing';

const args = new Set(process.argv.slice(2));
const mode: BenchMode = args.has('--smoke') ? 'smoke' : args.has('--quick') ? 'quick' : 'full';
const smoke = mode === 'smoke';
const configFile = resolve(import.meta.dirname, 'vite.config.ts');
const ENGINES: TrainingEngine[] = ['gpu', 'cpu', 'bare-loop', 'tfjs-webgpu', 'tfjs-wasm', 'tfjs-cpu'];

/** step(k) at N: the tutorial's 40 points and two larger sets, k shrinking as N grows (about a second each). */
const MANY_STEPS: Record<BenchMode, readonly (readonly [number, number])[]> = {
  full: [
    [40, 1e5],
    [1e3, 1e4],
    [1e4, 1e3],
  ],
  quick: [
    [40, 1e4],
    [1e3, 1e3],
    [1e4, 1e2],
  ],
  smoke: [[40, 100]],
};

function trainingSizes(adapter: {
  isFallbackAdapter: boolean;
  limits: { maxStorageBufferBindingSize: number };
}): number[] {
  if (mode === 'smoke') return [1e3];
  if (mode === 'quick') return [1e3, 1e4, 1e5];
  const base = [1e3, 1e4, 1e5, 1e6];
  // 10^7 points need 80 MB of storage on the GPU (8 bytes a point).
  if (adapter.limits.maxStorageBufferBindingSize < 8e7) {
    log('N = 10^7 skipped: the adapter cannot bind 80 MB of storage');
    return base;
  }
  // On a CPU-emulated adapter the TF.js peers take minutes a step at 10^7.
  if (adapter.isFallbackAdapter && !args.has('--with-1e7')) {
    log('N = 10^7 skipped on a software adapter (about half an hour there); pass --with-1e7 to run it');
    return base;
  }
  return [...base, 1e7];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function run(page: Page, origin: string): Promise<BenchResults> {
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const adapter = await page.evaluate(() => window.bench.adapter());
  const sizes = trainingSizes(adapter);
  const agreement = [];
  for (const n of sizes) {
    log(`agreement, N=${n}`);
    agreement.push(await page.evaluate((n) => window.bench.agreement(n), n));
  }
  const training: TrainingResult[] = [];
  const dispatch = [];
  for (const n of sizes) {
    for (const engine of ENGINES) {
      log(`training ${engine}, N=${n}`);
      const { dispatch: d, ...result } = await page.evaluate(([e, n, m]) => window.bench.training(e, n, m), [
        engine,
        n,
        mode,
      ] as const);
      training.push(result);
      if (d) dispatch.push(d);
    }
  }
  const readbackPerStep = [];
  for (const n of smoke ? [1e3] : [1e4]) {
    log(`readback per step, N=${n}`);
    readbackPerStep.push(await page.evaluate(([n, m]) => window.bench.readback(n, m), [n, mode] as const));
  }
  const costSurface = [];
  // A 128×128 surface over 10^5 points takes over half a minute on a CPU adapter: full runs only.
  for (const n of smoke ? [40] : mode === 'quick' ? [40, 1e4] : [40, 1e4, 1e5]) {
    for (const engine of ['gpu', 'cpu'] as const) {
      log(`cost surface ${engine}, N=${n}`);
      costSurface.push(
        await page.evaluate(([e, n, m]) => window.bench.costSurface(e, n, m), [engine, n, mode] as const),
      );
    }
  }
  const width = [];
  // 10^6 is the size; a CPU-emulated adapter takes a while there, so quick runs stop at 10^5.
  const widthSize = smoke ? 1e3 : mode === 'quick' ? 1e5 : 1e6;
  for (const engine of ['gpu', 'cpu'] as const) {
    log(`width d = 2 and d = 7, ${engine}, N=${widthSize}`);
    width.push(await page.evaluate(([e, n, m]) => window.bench.width(e, n, m), [engine, widthSize, mode] as const));
  }
  const race = [];
  // The size, 10^6, in full runs; the same sizes as the wider model's row. The smoke run (a stage of
  // npm test, which the 20 minutes of CI hold tight) leaves it to the others: the race's kernels have tests of their own.
  for (const engine of smoke ? ([] as const) : (['gpu', 'cpu'] as const)) {
    log(`race of six, ${engine}, N=${widthSize}`);
    race.push(await page.evaluate(([e, n, m]) => window.bench.race(e, n, m), [engine, widthSize, mode] as const));
  }
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  // A page of its own, as a user's: the rows above leave the JIT's code shaped by other data (float32
  // points at 10⁶, seven features, six racers), which made the CPU engine's step(10⁵) at N = 40 up to
  // 1.7 times slower there than in a fresh page, and the bare loop, a dozen lines, not at all.
  const stepsPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  stepsPage.on('pageerror', (e) => log(`page error: ${e.message}`));
  await stepsPage.goto(`${origin}/bench/index.html`);
  await stepsPage.waitForFunction(() => window.bench !== undefined);
  const manySteps = [];
  for (const [n, steps] of MANY_STEPS[mode]) {
    for (const engine of ['gpu', 'cpu', 'bare-loop'] as const) {
      log(`step(${steps}), ${engine}, N=${n}`);
      manySteps.push(
        await stepsPage.evaluate(([e, n, k, m]) => window.bench.manySteps(e, n, k, m), [
          engine,
          n,
          steps,
          mode,
        ] as const),
      );
    }
  }
  await stepsPage.close();
  log('interactivity');
  const interactivity = await measureInteractivity(page, origin, mode);
  log('large data');
  // A page of its own: the long-task observer must be there from the start.
  const largePage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const largeData = await measureLargeData(largePage, origin, mode);
  await largePage.close();
  const { limits: _limits, ...adapterReport } = adapter;
  return {
    browser: page.context().browser()?.version() ?? 'unknown',
    adapter: adapterReport,
    training,
    costSurface,
    width,
    race,
    manySteps,
    interactivity,
    agreement,
    dispatch,
    readbackPerStep,
    largeData,
    mode,
  };
}

async function main(): Promise<void> {
  log(`building (${mode})…`);
  await build({ configFile });
  const server = await preview({ configFile });
  const origin = `http://127.0.0.1:${server.config.preview.port}`;
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const results = await run(page, origin);
    const out = resolve(import.meta.dirname, 'results.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${report(results)}\n\nWrote ${out}\n`);
    if (results.agreement.some((a) => !a.ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
