import {
  foreignKey,
  index,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { ts, created } from './columns';
import { clinics } from './clinics.table';
import { staff } from './staff.table';

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    /** sha256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    lastActiveAt: ts('last_active_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    origin: text('origin'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'sessions_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'sessions_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_staff_idx').on(t.staffId),
  ],
);
