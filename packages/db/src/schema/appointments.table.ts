import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { appointmentStatuses, type AppointmentStatus } from '@clinicflow/domain';
import { created, oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { providers } from './providers.table';
import { rooms } from './rooms.table';
import { patients } from './patients.table';
import { appointmentSeries } from './appointment-series.table';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    roomId: uuid('room_id'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    reason: text('reason'),
    /** Printed on the confirmation (and in its QR code): a patient can check in with it alone. */
    code: text('code'),
    status: text('status').$type<AppointmentStatus>().notNull().default('booked'),
    /** Why it was cancelled, as the desk said (kept with the booking, and in the event for the audit trail). */
    cancelReason: text('cancel_reason'),
    createdAt: created(),
    /** An occurrence of a recurring series: which one, its place in it, and the time its rule gave it. */
    seriesId: uuid('series_id'),
    occurrenceIndex: integer('occurrence_index'),
    originalStartsAt: ts('original_starts_at'),
  },
  // The no-overlap exclusion constraints (btree_gist) live in a custom migration: drizzle-kit cannot express them.
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'appointments_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'appointments_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'appointments_provider_fk', columns: [t.providerId], foreignColumns: [providers.id] }),
    foreignKey({ name: 'appointments_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),

    foreignKey({
      name: 'appointments_series_fk',
      columns: [t.seriesId],
      foreignColumns: [appointmentSeries.id],
    }),
    check(
      'appointments_series_occurrence_check',
      sql`(${t.seriesId} is null) = (${t.occurrenceIndex} is null) and (${t.seriesId} is null) = (${t.originalStartsAt} is null)`,
    ),
    uniqueIndex('appointments_series_occurrence_key').on(t.seriesId, t.occurrenceIndex),
    check('appointments_interval_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('appointments_status_check', oneOf(t.status, appointmentStatuses)),
    index('appointments_clinic_starts_idx').on(t.clinicId, t.startsAt),
    uniqueIndex('appointments_clinic_code_key').on(t.clinicId, t.code),
  ],
);
