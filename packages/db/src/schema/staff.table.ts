import {
  boolean,
  check,
  foreignKey,
  pgTable,
  text,
  unique,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { staffRoles, type StaffRole } from '@clinicflow/domain';
import { created, oneOf } from './columns';
import { clinics } from './clinics.table';

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'staff_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    unique('staff_clinic_username_key').on(t.clinicId, t.username),
    check('staff_role_check', oneOf(t.role, staffRoles)),
  ],
);
