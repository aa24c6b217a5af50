import {
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { clinics } from './clinics.table';
import { staff } from './staff.table';

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    staffId: uuid('staff_id'),
    delayMinutes: integer('delay_minutes').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'providers_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'providers_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    index('providers_clinic_idx').on(t.clinicId),
  ],
);
