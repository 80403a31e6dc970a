import { defineConfig } from 'vitest/config';

const PACKAGING_TESTS = [
  'tests/integration/lambda/package.test.ts',
  'tests/integration/lambda/batch-operations-template.test.ts',
  'tests/integration/security/template.test.ts',
];

export default defineConfig({
  test: {
    // Metrics are EMF lines on stdout for CloudWatch; Powertools reads this when a Metrics is built.
    env: { POWERTOOLS_METRICS_DISABLED: 'true' },
    projects: [
      {
        // extends: the root `test.env` applies in every project.
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: PACKAGING_TESTS,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Integration tests share ports and child processes; run files one at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // `osls package` checks: slow (each packaging bundles and zips every function), so each
          // distinct template is built once per run, in globalSetup, and read by every file here.
          name: 'packaging',
          include: PACKAGING_TESTS,
          environment: 'node',
          globalSetup: ['tests/support/packaged-service.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
