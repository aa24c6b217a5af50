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
import {
  appointmentStatuses,
  bookingKinds,
  type AppointmentStatus,
  type BookingKind,
} from '@clinicflow/domain';
import { created, oneOf, ts } from './columns';
import { appointmentTypes } from './appointment-types.table';
import { clinics } from './clinics.table';
import { equipment } from './equipment.table';
import { providers } from './providers.table';
import { rooms } from './rooms.table';
import { patients } from './patients.table';
import { appointmentSeries } from './appointment-series.table';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    /** A visit, a room block (no patient, no provider) or a hold (no patient, until `expiresAt`). */
    kind: text('kind').$type<BookingKind>().notNull().default('visit'),
    patientId: uuid('patient_id'),
    providerId: uuid('provider_id'),
    roomId: uuid('room_id'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    appointmentTypeId: uuid('appointment_type_id'),
    /** A portable item booked with the visit: no two bookings hold it at once. */
    equipmentId: uuid('equipment_id'),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    /** What the room and provider are kept busy for: the time widened by the buffers (what the constraints see). */
    blockedFrom: ts('blocked_from').generatedAlwaysAs(
      sql`clinicflow_add_minutes(starts_at, -buffer_before_minutes)`,
    ),
    blockedTo: ts('blocked_to').generatedAlwaysAs(sql`clinicflow_add_minutes(ends_at, buffer_after_minutes)`),
    /** Set when an admin booked over a clash: the no-overlap constraints skip this row. */
    overbookReason: text('overbook_reason'),
    /** A room block's label ("Deep cleaning"). */
    label: text('label'),
    /** A hold's end: past it the hold blocks nothing and is swept. */
    expiresAt: ts('expires_at'),
    /** Whose hold it is (the staff id): only they convert it into a booking. */
    heldBy: uuid('held_by'),
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
    check('appointments_kind_check', oneOf(t.kind, bookingKinds)),
    check(
      'appointments_kind_shape_check',
      sql`case ${t.kind}
        when 'visit' then ${t.patientId} is not null and ${t.providerId} is not null
        when 'block' then ${t.roomId} is not null and ${t.label} is not null and ${t.patientId} is null and ${t.providerId} is null
        else ${t.expiresAt} is not null and ${t.heldBy} is not null and ${t.patientId} is null and coalesce(${t.providerId}, ${t.roomId}) is not null
      end`,
    ),
    check(
      'appointments_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 120 and ${t.bufferAfterMinutes} between 0 and 120`,
    ),
    foreignKey({
      name: 'appointments_type_fk',
      columns: [t.appointmentTypeId],
      foreignColumns: [appointmentTypes.id],
    }),
    foreignKey({
      name: 'appointments_equipment_fk',
      columns: [t.equipmentId],
      foreignColumns: [equipment.id],
    }),
    index('appointments_clinic_starts_idx').on(t.clinicId, t.startsAt),
    uniqueIndex('appointments_clinic_code_key').on(t.clinicId, t.code),
  ],
);
