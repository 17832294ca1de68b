import { defineConfig } from 'vitest/config';

// Unit tests run in Node: everything under src/ is DOM-free by design, the
// entries' pure helpers too; scripts/ holds the toolchain's own checks.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'entries/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // CI shares two cores with other work: a test gets the time it needs, never failing for a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
