import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/browser';
import { DEV_PORT, PREVIEW_PORT } from './vite.config';

// The app and lecture tests run against the production build (vite preview);
// the kernel and figure tests import modules into test pages, which only the
// dev server can serve.
export default defineConfig({
  testDir: 'e2e',
  // SwiftShader runs WebGPU on the CPU: generous per-test time, one worker per core.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: launchOptions(),
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'app',
      testMatch: '*.spec.ts',
      testIgnore: ['kernels/**', 'figures/**'],
      use: { baseURL: `http://127.0.0.1:${PREVIEW_PORT}` },
    },
    { name: 'kernels', testMatch: 'kernels/*.spec.ts', use: { baseURL: `http://127.0.0.1:${DEV_PORT}` } },
    // Each figure element alone on a test page, outside the deck and the playground.
    { name: 'figures', testMatch: 'figures/*.spec.ts', use: { baseURL: `http://127.0.0.1:${DEV_PORT}` } },
  ],
  webServer: [
    {
      command: 'npm run build && npm run preview',
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'npm run dev',
      url: `http://127.0.0.1:${DEV_PORT}/e2e/kernels/harness.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
