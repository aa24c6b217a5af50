import {
  foreignKey,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { ts, created } from './columns';
import { clinics } from './clinics.table';

/** A kiosk or wallboard waiting for an admin to enter its code. */
export const pairingRequests = pgTable(
  'pairing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    code: text('code').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
    origin: text('origin'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'pairing_requests_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    uniqueIndex('pairing_requests_code_key').on(t.code),
    uniqueIndex('pairing_requests_token_hash_key').on(t.tokenHash),
  ],
);
