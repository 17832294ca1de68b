/**
 * Shared fixtures: every app test's page, and any window it opens, fails the
 * test on any console error, uncaught exception or security-policy violation
 * (an automatic fixture: no test can forget it), and
 * helpers that drive <lp-playground> through its public API in the page.
 */
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type {} from '../components/lp-playground';
import { TUTORIAL_REFERENCE } from '../src/model/tutorial-reference';
import { collectPageErrors } from './browser';

export interface PageErrors {
  readonly messages: string[];
}

/**
 * The engine of the page's own playground (and the lecture's models): the
 * page's choice, or the CPU.
 * The specs of the page's layout, controls, files and figures (which no
 * engine changes) take the CPU: on a software adapter, each GPU start
 * compiles the kernels, seconds of CPU per page, the suite's largest cost.
 * Every other spec (engines, kernels, call order, run limits, the
 * lifecycle, large data, the package, the lecture among them) keeps the
 * page's choice.
 */
export type PlaygroundEngine = 'page' | 'cpu';

/**
 * Every page of this context starts its playgrounds and models on the CPU
 * (for a test that opens another browser page, like the one its spec's
 * `playgroundEngine` gives it): the attribute is set before the element is
 * defined, so there is no GPU start to undo.
 */
export async function startOnCpu(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const define = customElements.define.bind(customElements);
    customElements.define = (name, elementClass, options) => {
      if (name === 'lp-playground' || name === 'lp-model') {
        for (const el of document.querySelectorAll(`${name}:not([engine])`)) el.setAttribute('engine', 'cpu');
      }
      define(name, elementClass, options);
    };
  });
}

export const test = base.extend<{ errors: PageErrors; playgroundEngine: PlaygroundEngine; engineChoice: undefined }>({
  playgroundEngine: ['page', { option: true }],
  engineChoice: [
    async ({ page, playgroundEngine }, use) => {
      if (playgroundEngine === 'cpu') await startOnCpu(page.context());
      await use(undefined);
    },
    { auto: true },
  ],
  errors: [
    async ({ page }, use) => {
      const messages = collectPageErrors(page);
      // Windows the page opens (the lecture's speaker view) answer for their errors too.
      page.context().on('page', (popup) => collectPageErrors(popup, messages));
      // Whatever the security policy refuses is an error too, said by the page itself (and by any window it opens).
      await page
        .context()
        .addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`security policy violation: ${e.violatedDirective} refused ${e.blockedURI || 'inline code'}`),
          ),
        );
      await use({ messages });
      expect(messages, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
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

/** How each stepPlayground call made on a page stands: running, done, or the error it rejected with. */
type StepCalls = Map<number, 'running' | 'done' | { readonly failed: string }>;

/**
 * Calls the playground's step(n) and waits until it is done, by looking at
 * how the call stands rather than by awaiting its promise through
 * page.evaluate: Chromium's inspector holds a promise it is asked to await
 * only weakly, and a long step at 200 000 points on the CPU engine's workers
 * failed CI runs with Playwright's "Resulting promise was garbage collected"
 * (twice, once with the promise kept in the page besides). A rejection is
 * thrown here with its message, as an awaited call would throw it.
 */
export async function stepPlayground(page: Page, n: number): Promise<void> {
  const id = await page.evaluate((n) => {
    const w = window as Window & { lpStepCalls?: StepCalls };
    w.lpStepCalls ??= new Map();
    const calls = w.lpStepCalls;
    const id = calls.size + 1;
    calls.set(id, 'running');
    (document.querySelector('lp-playground')?.step(n) ?? Promise.resolve()).then(
      () => calls.set(id, 'done'),
      (error: unknown) => calls.set(id, { failed: error instanceof Error ? error.message : String(error) }),
    );
    return id;
  }, n);
  const standing = () =>
    page.evaluate((id) => (window as Window & { lpStepCalls?: StepCalls }).lpStepCalls?.get(id), id);
  // As long as the test's own time allows: a long step on a busy machine is slow, not wrong.
  await expect.poll(standing, { timeout: 600_000, intervals: [5, 10, 25, 50, 100] }).not.toBe('running');
  const outcome = await standing();
  if (outcome !== 'done') {
    throw new Error(`step(${n}) rejected: ${typeof outcome === 'object' ? outcome.failed : 'its call was lost'}`);
  }
}

export { TUTORIAL_REFERENCE };

/**
 * Back on the tutorial's data and settings, on each engine in turn (the CPU,
 * then WebGPU where the browser has it): reset(); step(10) must give its
 * w(10), whatever happened before.
 */
export async function expectTutorialW10(page: Page): Promise<void> {
  const hasGpu = await page.evaluate(() => 'gpu' in navigator && navigator.gpu !== undefined);
  for (const engine of hasGpu ? (['cpu', 'gpu'] as const) : (['cpu'] as const)) {
    await page.evaluate((engine) => document.querySelector('lp-playground')?.setAttribute('engine', engine), engine);
    await expect.poll(async () => (await playgroundState(page)).engine, `switched to ${engine}`).toBe(engine);
    await page.evaluate(async () => {
      const pg = document.querySelector('lp-playground');
      await pg?.configure({ learningRate: 0.05, bias: false, reduction: 'sum' });
      await pg?.change({ preset: 'tutorial' });
      await pg?.reset();
      await pg?.step(10);
    });
    const { weights } = await playgroundState(page);
    expect(weights[0], engine).toBeCloseTo(TUTORIAL_REFERENCE.path[10][0], 4);
    expect(weights[1], engine).toBeCloseTo(TUTORIAL_REFERENCE.path[10][1], 4);
  }
}

/** Numbers each mountPlayground call of a test process: its init script acts once, on the page it opens. */
let mounts = 0;

/**
 * Opens the app with its playground carrying exactly these attributes (in
 * place of the page's own) and waits until it is ready. The attributes are
 * set on the page's own <lp-playground> just before the element is defined,
 * so it starts once, as asked, and no start with other attributes (a GPU
 * start among them) comes first to undo. Only this navigation's page is
 * changed: a reload after it gets the app's own markup. (Nothing is
 * intercepted on the network: a route whose fetch failed would leave the
 * navigation waiting for the test's whole time.) Address it as `lp-playground`.
 */
export async function mountPlayground(page: Page, attributes: Record<string, string | true>): Promise<void> {
  const token = `lp-mount-${++mounts}`;
  await page.addInitScript(
    ({ attributes, token }) => {
      // about:blank has no storage of its own; the app's page is the first document of ours after this call.
      if (location.protocol !== 'http:' || sessionStorage.getItem(token)) return;
      sessionStorage.setItem(token, 'done');
      const define = customElements.define.bind(customElements);
      customElements.define = (name, elementClass, options) => {
        const el = name === 'lp-playground' ? document.querySelector('lp-playground') : null;
        if (el) {
          for (const attribute of el.getAttributeNames()) el.removeAttribute(attribute);
          for (const [attribute, value] of Object.entries(attributes)) {
            el.setAttribute(attribute, value === true ? '' : value);
          }
        }
        define(name, elementClass, options);
      };
    },
    { attributes, token },
  );
  await openPlayground(page);
  const wanted = await page.evaluate(
    (names) => names.every((name) => document.querySelector('lp-playground')?.hasAttribute(name)),
    Object.keys(attributes),
  );
  if (!wanted) throw new Error('the playground did not start with the attributes asked for');
}

/** Keeps every GPUDevice the page creates in window.gpuDevices, so a test can break one. */
export async function captureGpuDevices(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as Window & { gpuDevices?: GPUDevice[] };
    w.gpuDevices = [];
    if (typeof GPUAdapter === 'undefined') return;
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      const device = await request.call(this, descriptor);
      w.gpuDevices?.push(device);
      return device;
    };
  });
}
