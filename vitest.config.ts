import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/api/**/*.test.ts', 'test/build/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
