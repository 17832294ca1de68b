/**
 * <lp-playground> is a good citizen: what it takes when connected (a GPU
 * device lease and its buffers, window and document listeners, a frame loop)
 * it gives back when removed, and it starts again when put back.
 */
import { expect, openPlayground, playgroundState, test } from './fixtures';
import { countGpuWork, gpuCensus } from './gpu-census';

/** Listeners on the window and the document by type (added minus removed), and animation frames asked for. */
interface Census {
  listeners: Record<string, number>;
  frames: number;
}

test('10 mounts and unmounts leave no GPU buffer, no device and no listener behind', async ({ page }) => {
  await countGpuWork(page);
  await page.addInitScript(() => {
    const census: Census = { listeners: {}, frames: 0 };
    (window as Window & { census?: Census }).census = census;
    // Listeners on the window and the document, by type: added minus removed.
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      const name = target === window ? 'window' : 'document';
      target.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        census.listeners[`${name}:${type}`] = (census.listeners[`${name}:${type}`] ?? 0) + 1;
        return (add as (...a: unknown[]) => void).call(this, type, ...rest);
      } as EventTarget['addEventListener'];
      target.removeEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        census.listeners[`${name}:${type}`] = (census.listeners[`${name}:${type}`] ?? 0) - 1;
        return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
      } as EventTarget['removeEventListener'];
    }
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => {
      census.frames++;
      return raf.call(window, callback);
    };
  });
  await openPlayground(page);
  const census = async () => ({
    ...(await gpuCensus(page)),
    ...(await page.evaluate(
      () => JSON.parse(JSON.stringify((window as Window & { census?: Census }).census)) as Census,
    )),
  });
  // The page's own playground goes first, so that what is left at the end is only ours to account for.
  await page.evaluate(() => document.querySelector('lp-playground')?.remove());
  await expect.poll(async () => (await census()).liveDevices, { timeout: 30_000 }).toBe(0);
  const before = await census();
  expect(before.liveBuffers).toBe(0);

  // Two of each way to leave: a leak of anything per mount would show as a count of 2 or more.
  const gpu = await page.evaluate(async () => {
    let sawGpu = false;
    for (let k = 0; k < 10; k++) {
      const el = document.createElement('lp-playground');
      el.setAttribute('sync-url', '');
      el.setAttribute('global-shortcuts', '');
      document.body.append(el);
      // Some leave at once, some after starting, some while playing.
      if (k % 5 !== 0) {
        await el.ready;
        sawGpu ||= el.state.engine === 'gpu';
        if (k % 5 === 1) await el.step(2);
        if (k % 5 === 2) el.play();
      }
      el.remove();
    }
    return sawGpu;
  });
  await expect.poll(async () => (await census()).liveBuffers, { timeout: 60_000 }).toBe(0);
  await expect.poll(async () => (await census()).liveDevices, { timeout: 60_000 }).toBe(0);
  const after = await census();
  expect(after.listeners).toEqual(before.listeners);
  // No frame loop left running: no animation frames asked for once they are gone.
  const frames = after.frames;
  await page.waitForTimeout(500);
  expect((await census()).frames).toBe(frames);
  if (await page.evaluate(() => typeof GPUAdapter !== 'undefined')) expect(gpu).toBe(true);
});

test('removed, then put back later, the playground starts again with its settings and its data', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.configure({ learningRate: 0.1 });
    await el?.loadCsv('x1,x2,t\n0,1,0\n1,0,1\n2,2,1\n-1,-1,0\n', 'four.csv');
    await el?.step(3);
  });
  const back = await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    // Another task: a removal, not a move (a move keeps the run: call-order.spec.ts).
    await new Promise((resolve) => setTimeout(resolve, 50));
    parent.append(el);
    await el.step(1);
    return { learningRate: el.settings.training.learningRate, state: el.state };
  });
  expect(back.learningRate).toBe(0.1);
  expect(back.state.samples).toBe(4);
  expect(back.state.iteration).toBe(1);
  await expect(page.locator('lp-scatter path.point')).toHaveCount(4);
  expect((await playgroundState(page)).engine).toMatch(/gpu|cpu/);
});
