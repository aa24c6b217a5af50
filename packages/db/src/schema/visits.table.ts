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
  unique,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { type VisitStatus, visitStatuses } from '@clinicflow/domain';
import { oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { providers } from './providers.table';
import { rooms } from './rooms.table';
import { patients } from './patients.table';
import { appointments } from './appointments.table';

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    appointmentId: uuid('appointment_id'),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id'),
    roomId: uuid('room_id'),
    status: text('status').$type<VisitStatus>().notNull().default('booked'),
    statusSince: ts('status_since').notNull().defaultNow(),
    ticketNumber: integer('ticket_number'),
    ticketCode: text('ticket_code'),
    scheduledAt: ts('scheduled_at'),
    /** When the server flagged the booked patient as late (past the grace period, not arrived). */
    lateSince: ts('late_since'),
    /** When the server suggested a no-show (booked, not here past the clinic's no-show grace). */
    noShowDueSince: ts('no_show_due_since'),
    /** When the server saw the patient left `arrived` (intake not finished at the kiosk). */
    checkInUnfinishedSince: ts('check_in_unfinished_since'),
    reason: text('reason'),
    reasonCategory: text('reason_category'),
    times: jsonb('times').$type<Partial<Record<VisitStatus, string>>>().notNull().default({}),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'visits_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({
      name: 'visits_appointment_fk',
      columns: [t.appointmentId],
      foreignColumns: [appointments.id],
    }),
    foreignKey({ name: 'visits_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'visits_provider_fk', columns: [t.providerId], foreignColumns: [providers.id] }),
    foreignKey({ name: 'visits_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),

    unique('visits_clinic_day_ticket_key').on(t.clinicId, t.day, t.ticketCode),
    uniqueIndex('visits_appointment_key').on(t.appointmentId),
    index('visits_clinic_day_idx').on(t.clinicId, t.day),
    check('visits_status_check', oneOf(t.status, visitStatuses)),
    check('visits_ticket_check', sql`(${t.ticketCode} is null) = (${t.ticketNumber} is null)`),
  ],
);
