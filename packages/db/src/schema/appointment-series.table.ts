import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
  type AnyPgColumn,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Recurrence } from '@clinicflow/domain';
import { created } from './columns';
import { clinics } from './clinics.table';
import { patients } from './patients.table';
import { providers } from './providers.table';
import { rooms } from './rooms.table';

/** A recurring booking: its rule in the clinic's wall time; each occurrence is an ordinary appointment row. */
export const appointmentSeries = pgTable(
  'appointment_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    roomId: uuid('room_id'),
    rule: jsonb('rule').$type<Recurrence>().notNull(),
    /** The zone the rule's wall times are read in (the clinic's when it was booked). */
    timezone: text('timezone').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    /** Local time of day, HH:MM. */
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    reason: text('reason'),
    /** The series this one continues after a "this and following" edit. */
    splitFrom: uuid('split_from'),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'appointment_series_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({
      name: 'appointment_series_patient_fk',
      columns: [t.patientId],
      foreignColumns: [patients.id],
    }),
    foreignKey({
      name: 'appointment_series_provider_fk',
      columns: [t.providerId],
      foreignColumns: [providers.id],
    }),
    foreignKey({ name: 'appointment_series_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),
    foreignKey({
      name: 'appointment_series_split_from_fk',
      columns: [t.splitFrom],
      foreignColumns: [t.id as AnyPgColumn],
    }),
    check('appointment_series_start_time_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('appointment_series_duration_check', sql`${t.durationMinutes} between 1 and 720`),
    index('appointment_series_clinic_patient_idx').on(t.clinicId, t.patientId),
  ],
);
