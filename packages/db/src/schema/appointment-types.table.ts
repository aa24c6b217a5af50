import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  pgTable,
  text,
  unique,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { created } from './columns';
import { clinics } from './clinics.table';

/** The clinic's kinds of visit: default length, buffers, and the room features and equipment they need. */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    roomFeatures: text('room_features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    equipmentKinds: text('equipment_kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'appointment_types_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    unique('appointment_types_clinic_name_key').on(t.clinicId, t.name),
    check('appointment_types_duration_check', sql`${t.durationMinutes} between 5 and 720`),
    check(
      'appointment_types_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 120 and ${t.bufferAfterMinutes} between 0 and 120`,
    ),
  ],
);
