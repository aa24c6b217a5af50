import {
  bigserial,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Actor } from '@clinicflow/domain';
import { ts } from './columns';
import { clinics } from './clinics.table';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    at: ts('at').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    origin: text('origin'),
    /** Why, where the command carries a reason the audit must keep (an admin's overbooking). */
    reason: text('reason'),
    /** sha256 of the previous row's hash and this row's content: editing any row breaks the chain after it. */
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'audit_log_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    index('audit_log_clinic_at_idx').on(t.clinicId, t.at),
    uniqueIndex('audit_log_hash_key').on(t.hash),
  ],
);
