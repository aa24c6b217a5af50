import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
// Absolute, so that a config built on this one elsewhere (e2e/order.config.ts) finds the same files.
const root = dirname(fileURLToPath(import.meta.url));

// Files of this run beside the servers' data (the patients tests have claimed). scripts/test.sh passes a temp dir it
// removes afterwards; run alone, a new dir under the OS temp dir is used. Only the runner (no TEST_WORKER_INDEX)
// creates it; workers inherit it through the environment.
if (process.env.TEST_WORKER_INDEX === undefined) {
  process.env.CLINICFLOW_E2E_RUN_DIR ??= join(tmpdir(), `clinicflow-e2e-${process.ppid}-${process.pid}`);
  mkdirSync(join(process.env.CLINICFLOW_E2E_RUN_DIR, 'pglite'), { recursive: true });
}
const runDir = process.env.CLINICFLOW_E2E_RUN_DIR!;

// NOTE: Playwright merges the runner's process.env into webServer.env, so a DATABASE_URL from the shell would
// point the e2e server at a shared Postgres. Drop it; E2E_DATABASE_URL names a fresh Postgres database on purpose.
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL;
delete process.env.DATABASE_URL;

/** The servers' ports; another run on the same machine (a second checkout) picks others. */
function port(variable: string, fallback: number): number {
  return Number(process.env[variable] ?? fallback);
}

/**
 * One server per database, each with its own demo clinic: every test runs on the embedded PGlite, and on a real
 * Postgres too when E2E_DATABASE_URL is set (CI). Tests tagged @one-db are the same whatever the database (static
 * files, the kiosk's own clock, a server of their own): they run in the first project only.
 */
const databases: { name: string; port: number; env: Record<string, string> }[] = [
  { name: 'pglite', port: port('E2E_PORT', 3199), env: { DATA_DIR: join(runDir, 'pglite', 'data') } },
  ...(e2eDatabaseUrl
    ? [{ name: 'postgres', port: port('E2E_POSTGRES_PORT', 3198), env: { DATABASE_URL: e2eDatabaseUrl } }]
    : []),
];

const chromium: NonNullable<PlaywrightTestConfig['use']> = {
  browserName: 'chromium',
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: join(root, 'e2e'),
  outputDir: join(root, 'test-results'),
  timeout: 60_000,
  // One server per database, shared by its tests: one test at a time.
  workers: 1,
  fullyParallel: false,
  // A retry shows whether a failure repeats; a test that passes only on retry still fails the run.
  retries: isCI ? 1 : 0,
  failOnFlakyTests: isCI,
  forbidOnly: isCI,
  // The list reporter names each test's project, i.e. the database it ran on:
  // "[postgres] › e2e/kiosk-intake.spec.ts …"; the summary adds up each database's results and time.
  reporter: [['list'], [join(root, 'e2e/support/database-summary.ts')]],
  use: { trace: 'retain-on-failure' },
  projects: databases.map((db, i) => ({
    name: db.name,
    use: { ...chromium, baseURL: `http://127.0.0.1:${db.port}` },
    grepInvert: i === 0 ? undefined : /@one-db/,
  })),
  webServer: databases.map((db) => ({
    name: db.name,
    command: 'node --import tsx src/main.ts',
    cwd: join(root, 'apps/server'),
    url: `http://127.0.0.1:${db.port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(db.port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...db.env,
    },
  })),
});
