import { defineConfig } from 'vitest/config';

/** Integration files that mock a module (vi.mock): they run apart, with their own module cache. */
const ISOLATED_FILES = ['test/cases/court.int.test.ts'];
/** Both integration projects: each file gets a copy of the run's migrated and seeded database. */
const INTEGRATION = {
  globalSetup: ['test/harness/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

// Three tiers (ARCHITECTURE.md): unit without a database; integration on a migrated PGlite
// snapshot per file (and on PostgreSQL when DATABASE_URL is set); end-to-end in Chromium.
export default defineConfig({
  test: {
    pool: 'threads',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.unit.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts', 'src/**/*.int.test.ts'],
          exclude: ISOLATED_FILES,
          ...INTEGRATION,
          // Files share their worker's module cache: each file still builds its own app on its own
          // database, but the app's code is imported once per worker rather than once per file.
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration-isolated',
          include: ISOLATED_FILES,
          ...INTEGRATION,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file has its own server, database and Chromium, so files run two at a time: the 13
          // files took 510 s so, against 1,048 s one at a time (the previous CI run, 2 cores).
          maxWorkers: 2,
        },
      },
    ],
  },
});
