import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** Failed sign-ins per account and per address, for lockout. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});
