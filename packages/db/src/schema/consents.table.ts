import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Actor, Language, Signature } from '@clinicflow/domain';
import { ts } from './columns';
import { clinics } from './clinics.table';
import { patients } from './patients.table';
import { visits } from './visits.table';
import { consentDocuments } from './consent-documents.table';

/** A signed consent: who signed which exact document version, when, and the signature as vector strokes. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id'),
    documentId: uuid('document_id').notNull(),
    signerName: text('signer_name').notNull(),
    signature: jsonb('signature').$type<Signature>().notNull(),
    signedAt: ts('signed_at').notNull(),
    signedBy: jsonb('signed_by').$type<Actor>().notNull(),
    /** The language the patient read it in. */
    language: text('language').$type<Language>().notNull().default('en'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'consents_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'consents_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'consents_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    foreignKey({
      name: 'consents_document_fk',
      columns: [t.documentId],
      foreignColumns: [consentDocuments.id],
    }),
    index('consents_patient_idx').on(t.patientId),
  ],
);
