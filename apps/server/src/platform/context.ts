import type { Db } from '@clinicflow/db';
import type { Logger } from 'pino';
import type { Clock } from '../clock';

/** What every service needs: the database, the clock, the clinic this process serves, and a logger. */
export type ServiceContext = {
  db: Db;
  clock: Clock;
  clinicId: string;
  logger: Logger;
};
