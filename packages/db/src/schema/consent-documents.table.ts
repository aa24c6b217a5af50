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
import type { ConsentDocument } from '@clinicflow/domain';
import { created } from './columns';
import { clinics } from './clinics.table';

export const consentDocuments = pgTable(
  'consent_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Pick<ConsentDocument, 'title' | 'body'>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'consent_documents_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    unique('consent_documents_clinic_key_version_key').on(t.clinicId, t.key, t.version),
  ],
);
