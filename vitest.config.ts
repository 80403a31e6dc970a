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
    // Vitest's default is one worker fewer than the cores: one on a two-core machine, every file in
    // turn. Many integration files spend their time waiting on s3rver, child processes and timers, so
    // three at a time keep two cores busy.
    maxWorkers: 3,
    projects: [
      {
        // extends: the root `test.env` applies in every project.
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The pure core keeps no module state, so unit files can share a worker's module graph rather
          // than import the core afresh for each of the ~50 files.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // As in unit: the code under test keeps no module state (handlers are built by factories from
          // their config), and each file restores what it spies on.
          isolate: false,
          exclude: PACKAGING_TESTS,
          environment: 'node',
          // The CLI, bundled once for the files that run it as a process.
          globalSetup: ['tests/support/cli-bundle.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Files run side by side: each starts its own servers on free ports (port 0) and keeps its
          // files in its own temp dirs.
        },
      },
      {
        extends: true,
        test: {
          // `osls package` checks: slow (each packaging bundles and zips every function), so each
          // distinct template is built once per run. The globalSetup starts the packagings in the
          // background and the files here run after the others (groupOrder 1), by which time the
          // packagings have usually ended; each file waits in beforeAll for the ones it reads.
          name: 'packaging',
          include: PACKAGING_TESTS,
          environment: 'node',
          globalSetup: ['tests/support/packaged-service.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 400_000,
        },
      },
    ],
  },
});
