import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    // Note: one worker per core (vitest's default leaves one core idle), each running many
    // files: fixture builds and imports are shared within a worker.
    maxWorkers: '100%',
    isolate: false,
    testTimeout: 120_000,
    // Note: every attribute extraction reads must be listed in src/extract/html-reads.ts.
    env: { ASTRO_LINK_REPORT_CHECK_READS: '1' },
    hookTimeout: 240_000,
  },
});
