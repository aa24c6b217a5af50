import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@clinicflow/db';
import { systemClock } from '../platform/clock';
import { loadConfig } from '../config';
import { ensureClinic, ensureDemoDay } from './seed.service';
import { newToken } from '../platform/tokens';

// `pnpm seed` books today's demo day if it is empty; `pnpm seed --reset` starts the embedded database afresh.
const config = loadConfig(process.env, resolve(dirname(fileURLToPath(import.meta.url)), '..'));
// Opening takes the embedded database's lock, so a running server is never changed or wiped from under it.
const open = () =>
  openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((error: Error) => {
    console.error(`${error.message}\nStop the server first, then run this again.`);
    process.exit(1);
  });
if (process.argv.includes('--reset')) {
  if (config.databaseUrl) {
    console.error(
      '--reset only wipes the embedded database; drop and recreate a Postgres database yourself.',
    );
    process.exit(1);
  }
  await (await open()).close();
  rmSync(config.dataDir, { recursive: true, force: true });
  console.log(`Removed ${config.dataDir}`);
}
const database = await open();
const { clinic } = await ensureClinic(database.db, {
  now: systemClock.now(),
  name: config.clinicName,
  timezone: config.clinicTimezone,
  demo: config.demo,
  adminPassword: config.adminInitialPassword ?? newToken().slice(0, 20),
});
const booked = await ensureDemoDay(database.db, { clinic, now: systemClock.now() });
console.log(
  booked
    ? `Booked ${booked} demo appointments for today at ${clinic.name}.`
    : `Today at ${clinic.name} is already booked.`,
);
await database.close();
