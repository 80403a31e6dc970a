import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Metrics are EMF lines on stdout for CloudWatch; Powertools reads this when a Metrics is built.
    env: { POWERTOOLS_METRICS_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Integration tests share ports and child processes; run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
