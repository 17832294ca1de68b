/**
 * Kernel tests: a harness page from the dev server exposing the engines as
 * window.lp. Every GPU device the page creates runs inside a validation and
 * an out-of-memory error scope, popped when the device is destroyed or the
 * test ends: a WebGPU error anywhere fails the test (uncaught, such errors
 * would only be console warnings). Any console error or uncaught exception
 * fails it too. A test about uncaught errors turns the scopes off with
 * `test.use({ gpuErrorScopes: false })`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { collectPageErrors } from '../browser';
import type {} from './harness';

interface ScopedWindow extends Window {
  gpuScopeErrors?: string[];
  gpuScopedDevices?: Set<GPUDevice>;
}

/** Runs in the page before anything else: every device gets its scopes, popped before it goes. */
function installErrorScopes(): void {
  const w = window as ScopedWindow;
  w.gpuScopeErrors = [];
  w.gpuScopedDevices = new Set();
  if (typeof GPUAdapter === 'undefined') return;
  const request = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
    const device = await request.call(this, descriptor);
    device.pushErrorScope('validation');
    device.pushErrorScope('out-of-memory');
    w.gpuScopedDevices?.add(device);
    return device;
  };
  const destroy = GPUDevice.prototype.destroy;
  GPUDevice.prototype.destroy = function (this: GPUDevice) {
    if (w.gpuScopedDevices?.delete(this)) {
      // Popped before the device goes, so what the scopes caught is still reported.
      for (let k = 0; k < 2; k++) {
        this.popErrorScope().then((error) => {
          if (error) w.gpuScopeErrors?.push(`${this.label}: ${error.message}`);
        });
      }
    }
    destroy.call(this);
  };
}

/** Pops the scopes of the devices still alive and returns (and forgets) every error the scopes caught. */
export function collectScopeErrors(): Promise<string[]> {
  const w = window as ScopedWindow;
  const pops: Promise<void>[] = [];
  for (const device of w.gpuScopedDevices ?? []) {
    for (let k = 0; k < 2; k++) {
      pops.push(
        device.popErrorScope().then((error) => {
          if (error) w.gpuScopeErrors?.push(`${device.label}: ${error.message}`);
        }),
      );
    }
  }
  w.gpuScopedDevices?.clear();
  // Let the pops of destroyed devices settle too.
  return Promise.all(pops)
    .then(() => new Promise((resolve) => setTimeout(resolve, 50)))
    .then(() => {
      const errors = w.gpuScopeErrors ?? [];
      w.gpuScopeErrors = [];
      return errors;
    });
}

export const test = base.extend<{ harness: Page; gpuErrorScopes: boolean; isolated: boolean; harnessPage: string }>({
  gpuErrorScopes: [true, { option: true }],
  /** Ask the dev server for the harness cross-origin isolated (vite.config.ts, isolateOnRequest). */
  isolated: [false, { option: true }],
  /** The harness page: harness-no-wasm.html adds a policy that forbids compiling WebAssembly. */
  harnessPage: ['harness.html', { option: true }],
  harness: async ({ page, gpuErrorScopes, isolated, harnessPage }, use) => {
    const problems = collectPageErrors(page);
    if (gpuErrorScopes) await page.addInitScript(installErrorScopes);
    await page.goto(`/e2e/kernels/${harnessPage}${isolated ? '?isolated' : ''}`);
    await page.waitForFunction(() => window.lp !== undefined);
    await use(page);
    if (gpuErrorScopes)
      expect(await page.evaluate(collectScopeErrors), 'WebGPU errors caught by error scopes').toEqual([]);
    expect(problems, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };
