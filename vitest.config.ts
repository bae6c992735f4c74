import { defineConfig } from 'vitest/config';

// `npm run test:edge` points the API tests at the Worker (see scripts/test-edge.ts) and adds
// the Worker-only page tests; it runs files one at a time since they share one database.
const edge = Boolean(process.env['EDGE_BASE_URL']);

export default defineConfig({
  test: {
    include: edge ? ['test/api/**/*.test.ts', 'test/edge/**/*.test.ts'] : ['test/core/**/*.test.ts', 'test/db/**/*.test.ts', 'test/search/**/*.test.ts', 'test/api/**/*.test.ts', 'test/build/**/*.test.ts', 'test/pages/**/*.test.ts', 'test/drill/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/runtime/**/*.test.ts', 'test/links/**/*.test.ts'],
    fileParallelism: !edge,
    globalSetup: ['test/global-build.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
