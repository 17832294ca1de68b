import { chromium } from 'playwright';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage();
await page.goto('http://127.0.0.1:5173/e2e/kernels/harness.html');
await page.waitForFunction(() => window.lp !== undefined);
console.log(
  JSON.stringify(
    await page.evaluate(async () => {
      const e = await window.lp.GpuEngine.create();
      await e.setData(window.lp.f32Dataset(10000, 1));
      e.setOptions({ learningRate: 0.1, bias: true, reduction: 'mean', batchSize: 0 });
      e.setParams({ w1: 1, w2: 1, b: 0 });
      const out = {};
      for (const size of [32, 64, 128]) {
        await e.costSurface({ x: [-4, 4], y: [-4, 4], size });
        const t0 = performance.now();
        await e.costSurface({ x: [-4, 4], y: [-4, 4], size });
        out[size] = performance.now() - t0;
      }
      e.destroy();
      return out;
    }),
    null,
    1,
  ),
);
await browser.close();
