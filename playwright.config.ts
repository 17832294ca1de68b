import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/browser';

// The tests' own servers, on ports of their own (not npm start's), strictly:
// a busy port fails at once instead of testing some other server's pages.
// LP_E2E_PREVIEW_PORT / LP_E2E_DEV_PORT move them (two checkouts side by side).
const PREVIEW_PORT = Number(process.env.LP_E2E_PREVIEW_PORT ?? 4174);
const DEV_PORT = Number(process.env.LP_E2E_DEV_PORT ?? 5174);

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
  // Each failure in brief at the very end (failure-digest.ts), where a CI log's tail shows it.
  reporter: [['list'], ['./e2e/failure-digest.ts']],
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
      command: `npm run build && npx vite preview --port ${PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}/e2e/kernels/harness.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
