import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDatabase } from '@clinicflow/db';
import { startApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { ensureClinic, ensureDemoDay } from './services/seed.service';

const config = loadConfig(process.env, resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const logger = pino({ level: config.logLevel });

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
  'database ready',
);

const clinic = await ensureClinic(database.db, {
  now: systemClock.now(),
  name: config.clinicName,
  timezone: config.clinicTimezone,
  demo: config.demo,
});
if (config.demo) {
  const booked = await ensureDemoDay(database.db, { clinic, now: systemClock.now() });
  if (booked) logger.info({ booked }, 'demo appointments booked for today');
}

const app = await startApp({ config, database, clinic, clock: systemClock, logger });
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
