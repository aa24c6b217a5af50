import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { languages, type Language } from '@clinicflow/domain';
import { created, oneOf } from './columns';
import { clinics } from './clinics.table';

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    phone: text('phone'),
    address: text('address'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    insuranceProvider: text('insurance_provider'),
    insuranceMemberId: text('insurance_member_id'),
    /** The language the patient prefers to be spoken to in (FHIR Patient.communication); null when unknown. */
    preferredLanguage: text('preferred_language').$type<Language>(),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'patients_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    check('patients_preferred_language_check', oneOf(t.preferredLanguage, languages)),
    index('patients_lookup_idx').on(t.clinicId, sql`lower(${t.lastName})`, t.dateOfBirth),
  ],
);
