import { defineConfig } from 'vitest/config';
import { MUTATION_TESTS_VARIABLE } from './scripts/mutation-groups.ts';
import { wasmText } from './scripts/wasm-text-plugin.ts';
import mainConfig from './vitest.config.ts';

// The Vitest config Stryker's workers load (`npm run mutation`): Node only, and only the test files of
// the group being mutated, handed over by scripts/mutation.ts through the environment (the workers are
// child processes that inherit it). Each file gets a fresh module graph (Vitest's default isolation):
// a mutant that acts when its module loads must be loaded again to be seen.
const tests = JSON.parse(process.env[MUTATION_TESTS_VARIABLE] ?? '[]') as string[];

export default defineConfig({
  plugins: [wasmText()],
  test: {
    include: tests,
    environment: 'node',
    testTimeout: mainConfig.test?.testTimeout,
    hookTimeout: mainConfig.test?.hookTimeout,
  },
});
