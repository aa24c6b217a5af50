import {
  bigint,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { clinics } from './clinics.table';

export const events = pgTable(
  'events',
  {
    clinicId: uuid('clinic_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    at: ts('at').notNull(),
    /** The previous display-visible seq when displays may see this event; null when they may not. */
    displayPrev: bigint('display_prev', { mode: 'number' }),
    commandId: uuid('command_id'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'events_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    primaryKey({ name: 'events_pkey', columns: [t.clinicId, t.seq] }),
    index('events_at_idx').on(t.clinicId, t.at),
  ],
);
