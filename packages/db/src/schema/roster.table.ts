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
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import {
  exceptionKinds,
  shiftKinds,
  type ExceptionKind,
  type ShiftKind,
  type WorkingSession,
} from '@clinicflow/domain';
import { created, oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { staff } from './staff.table';

/** One weekly pattern per staff member: its sessions in the clinic's wall-clock time, replaced whole. */
export const workingPatterns = pgTable(
  'working_patterns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    sessions: jsonb('sessions').$type<WorkingSession[]>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'working_patterns_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'working_patterns_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    unique('working_patterns_clinic_staff_key').on(t.clinicId, t.staffId),
  ],
);

/** Time away (leave, sick, training) or an extra session, over a range of clinic days, whole or part days. */
export const rosterExceptions = pgTable(
  'roster_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    kind: text('kind').$type<ExceptionKind>().notNull(),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    toDay: date('to_day', { mode: 'string' }).notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    note: text('note'),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'roster_exceptions_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'roster_exceptions_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    check('roster_exceptions_kind_check', oneOf(t.kind, exceptionKinds)),
    check('roster_exceptions_days_check', sql`${t.fromDay} <= ${t.toDay}`),
    check(
      'roster_exceptions_part_day_check',
      sql`(${t.startTime} is null and ${t.endTime} is null) or (${t.startTime} < ${t.endTime})`,
    ),
    index('roster_exceptions_staff_days_idx').on(t.clinicId, t.staffId, t.fromDay),
  ],
);

/** Room sessions and duties: one person, one time range; no two of a person's overlap (exclusion constraint). */
export const rosterShifts = pgTable(
  'roster_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    kind: text('kind').$type<ShiftKind>().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    roomIds: uuid('room_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    note: text('note'),
    createdAt: created(),
  },
  // The no-overlap exclusion constraint (btree_gist) is in the migration: drizzle-kit cannot express it.
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'roster_shifts_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'roster_shifts_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    check('roster_shifts_kind_check', oneOf(t.kind, shiftKinds)),
    check('roster_shifts_interval_check', sql`${t.startsAt} < ${t.endsAt}`),
    index('roster_shifts_clinic_starts_idx').on(t.clinicId, t.startsAt),
  ],
);
