import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDatabase } from '@clinicflow/db';
import { startApp } from './app';
import { clockFrom, systemClock } from './platform/clock';
import { loadConfig } from './config';
import { demoPassword, ensureClinic, ensureDemoDay } from './seed/seed.service';
import { newToken } from './platform/tokens';

const config = loadConfig(process.env, resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const logger = pino({ level: config.logLevel });
const clock = config.clockStart ? clockFrom(config.clockStart) : systemClock;
if (config.clockStart) logger.warn({ now: clock.now() }, 'test clock: the server runs from CLOCK_START');

// A promise nobody awaited must not take the clinic down with it: log it and carry on.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onConnectionError: (err) => logger.warn({ err }, 'database connection lost; the pool replaces it'),
});
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
  'database ready',
);

const adminPassword = config.adminInitialPassword ?? newToken().slice(0, 20);
const { clinic, created } = await ensureClinic(database.db, {
  now: clock.now(),
  name: config.clinicName,
  timezone: config.clinicTimezone,
  demo: config.demo,
  adminPassword,
});
if (created && !config.demo && !config.adminInitialPassword) {
  // Shown once, on the first start only: sign in as "admin" with it and create real accounts.
  logger.warn({ username: 'admin', password: adminPassword }, 'first start: initial admin account created');
}
if (created && config.demo)
  logger.info({ password: demoPassword }, 'demo staff accounts: admin, coordinator, frontdesk, nurse, drlee');
if (config.demo) {
  const booked = await ensureDemoDay(database.db, { clinic, now: clock.now() });
  if (booked) logger.info({ booked }, 'demo appointments booked for today');
}

const app = await startApp({ config, database, clinic, clock, logger });
logger.info(`Clinicflow is running: ${app.url}/kiosk/  ${app.url}/console/  ${app.url}/wallboard/`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close();
    await database.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
