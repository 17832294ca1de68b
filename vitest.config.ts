import { defineConfig } from 'vitest/config';

// Unit tests run in Node: src/model and src/state are pure by design.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
