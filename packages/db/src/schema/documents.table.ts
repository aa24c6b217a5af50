import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { type Actor, type DocumentType, documentTypes } from '@clinicflow/domain';
import { oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { patients } from './patients.table';
import { visits } from './visits.table';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Every document the server generated, with the exact bytes handed out: a filed copy must stay what was printed
 * even after the patient's details, the form or the renderer change, which re-rendering cannot promise.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    type: text('type').$type<DocumentType>().notNull(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id'),
    /** The layout version of its type that drew it. */
    version: integer('version').notNull(),
    generatedBy: jsonb('generated_by').$type<Actor>().notNull(),
    generatedByName: text('generated_by_name').notNull(),
    generatedAt: ts('generated_at').notNull(),
    pdf: bytea('pdf').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'documents_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'documents_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'documents_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    index('documents_patient_idx').on(t.clinicId, t.patientId, t.generatedAt),
    index('documents_generated_idx').on(t.clinicId, t.generatedAt),
    check('documents_type_check', oneOf(t.type, documentTypes)),
  ],
);
