import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = 3199;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const isCI = process.env.CI === 'true' || process.env.CI === '1';

// Each run gets a fresh embedded (PGlite) database. scripts/test.sh passes a temp dir it removes afterwards;
// run alone, a new dir under the OS temp dir is used. Only the runner (no TEST_WORKER_INDEX) creates it.
const dataDir =
  process.env.CLINICFLOW_E2E_DATA_DIR ??
  join(tmpdir(), `clinicflow-e2e-${process.ppid}-${process.pid}`, 'data');
if (process.env.TEST_WORKER_INDEX === undefined) mkdirSync(dataDir, { recursive: true });

// NOTE: Playwright merges the runner's process.env into webServer.env, so a DATABASE_URL from the shell would
// point the e2e server at a shared Postgres. Drop it; E2E_DATABASE_URL opts into a real Postgres on purpose.
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL;
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  // A retry shows whether a failure repeats; a test that passes only on retry still fails the run.
  retries: isCI ? 1 : 0,
  failOnFlakyTests: isCI,
  forbidOnly: isCI,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
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
      },
    },
  ],
  webServer: {
    command: 'node --import tsx src/main.ts',
    cwd: 'apps/server',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // Short, so the inactivity test signs out within its time budget.
      SESSION_IDLE_SECONDS: '60',
      ...(e2eDatabaseUrl ? { DATABASE_URL: e2eDatabaseUrl } : {}),
    },
  },
});
