import {
  boolean,
  foreignKey,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Actor, Language, Answers } from '@clinicflow/domain';
import { ts } from './columns';
import { clinics } from './clinics.table';
import { visits } from './visits.table';
import { questionnaires } from './questionnaires.table';

export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    urgent: boolean('urgent').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: jsonb('submitted_by').$type<Actor>().notNull(),
    /** The language the patient read it in. */
    language: text('language').$type<Language>().notNull().default('en'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({
      name: 'questionnaire_responses_clinic_fk',
      columns: [t.clinicId],
      foreignColumns: [clinics.id],
    }),
    foreignKey({
      name: 'questionnaire_responses_visit_fk',
      columns: [t.visitId],
      foreignColumns: [visits.id],
    }),
    foreignKey({
      name: 'questionnaire_responses_questionnaire_fk',
      columns: [t.questionnaireId],
      foreignColumns: [questionnaires.id],
    }),
    unique('questionnaire_responses_visit_questionnaire_key').on(t.visitId, t.questionnaireId),
  ],
);
