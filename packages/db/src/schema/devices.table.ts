import {
  check,
  foreignKey,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { type DeviceType, type DisplayConfig, deviceTypes } from '@clinicflow/domain';
import { created, oneOf, ts } from './columns';
import { clinics } from './clinics.table';

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<DeviceType>().notNull(),
    location: text('location'),
    /** How a display shows the clinic (layout, language, privacy, sound, filters); null for kiosks. */
    config: jsonb('config').$type<DisplayConfig>(),
    tokenHash: text('token_hash'),
    lastSeenAt: ts('last_seen_at'),
    revokedAt: ts('revoked_at'),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'devices_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    uniqueIndex('devices_token_hash_key').on(t.tokenHash),
    check('devices_type_check', oneOf(t.type, deviceTypes)),
  ],
);
