import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { alertKinds, type AlertKind } from '@clinicflow/domain';
import { oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { staff } from './staff.table';
import { visits } from './visits.table';

export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    findings: jsonb('findings').$type<string[]>().notNull(),
    raisedAt: ts('raised_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'alerts_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'alerts_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    foreignKey({
      name: 'alerts_acknowledged_by_fk',
      columns: [t.acknowledgedBy],
      foreignColumns: [staff.id],
    }),
    index('alerts_visit_idx').on(t.visitId),
    check('alerts_kind_check', oneOf(t.kind, alertKinds)),
  ],
);
