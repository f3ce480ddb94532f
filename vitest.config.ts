import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    // Note: one worker per core runs every file; fixture builds and imports are shared.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
