import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { launchOptions } from './e2e/browser.ts';
import { wasmText } from './scripts/wasm-text-plugin.ts';
import { RUNTIME_DEPENDENCIES } from './vite.config.ts';

// Two projects. Unit tests run in Node: everything under src/ is DOM-free by
// design, the entries' pure helpers too; scripts/ holds the toolchain's own
// checks. Element tests run in Chromium (the one the e2e tests use): each
// element mounted alone, with a fake model where it reads one.
export default defineConfig({
  plugins: [wasmText()],
  test: {
    // CI shares two cores with other work: a test gets the time it needs, never failing for a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'entries/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          // The modules under test are pure and keep no state between files: one module graph for all of
          // them, in threads, instead of a fresh one per file (most of the time went into loading them).
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        // Everything the element tests import, bundled before the first test: a dependency found late
        // makes Vite optimise again and reload the page, and the files loading then fail to import.
        optimizeDeps: {
          include: [...RUNTIME_DEPENDENCIES, 'axe-core'],
        },
        test: {
          name: 'elements',
          include: ['components/**/*.test.ts'],
          setupFiles: ['components/testing/setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            // One page for all files: a page start costs more than the tests in most files.
            isolate: false,
            fileParallelism: false,
            provider: playwright({ launchOptions: launchOptions() }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 720 },
          },
        },
      },
    ],
  },
});
