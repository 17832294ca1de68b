import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/browser';
import { PREVIEW_PORT } from './vite.config';

// The e2e tests run against the production build, served by `vite preview`.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // SwiftShader runs WebGPU on the CPU: generous per-test time, few workers on 2 cores.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    launchOptions: launchOptions(),
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npm run build && npm run preview',
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
