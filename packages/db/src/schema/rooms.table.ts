import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  pgTable,
  text,
  unique,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { roomStatuses, type RoomStatus } from '@clinicflow/domain';
import { oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { visits } from './visits.table';

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<RoomStatus>().notNull().default('available'),
    statusSince: ts('status_since').notNull().defaultNow(),
    visitId: uuid('visit_id'),
    /** What the room offers ('ecg', 'exam_table', 'wheelchair'): appointment types ask for some. */
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'rooms_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'rooms_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),

    unique('rooms_clinic_name_key').on(t.clinicId, t.name),
    check('rooms_status_check', oneOf(t.status, roomStatuses)),
    check('rooms_occupied_has_visit_check', sql`(${t.status} = 'occupied') = (${t.visitId} is not null)`),
  ],
);
