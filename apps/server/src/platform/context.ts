import type { Db } from '@clinicflow/db';
import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { EventBus } from './event-bus';

/** What every service needs: the database, the clock, the clinic this process serves, a logger, the event bus. */
export type ServiceContext = {
  db: Db;
  clock: Clock;
  clinicId: string;
  logger: Logger;
  events: EventBus;
};
