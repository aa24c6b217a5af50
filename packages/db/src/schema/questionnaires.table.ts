import {
  boolean,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Questionnaire } from '@clinicflow/domain';
import { created } from './columns';
import { clinics } from './clinics.table';

/** A questionnaire definition; a new version is a new row, so stored answers keep the text they answered. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    /** Order in which the kiosk asks them. */
    position: integer('position').notNull().default(0),
    definition: jsonb('definition').$type<Omit<Questionnaire, 'id' | 'key' | 'version'>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'questionnaires_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    unique('questionnaires_clinic_key_version_key').on(t.clinicId, t.key, t.version),
  ],
);
