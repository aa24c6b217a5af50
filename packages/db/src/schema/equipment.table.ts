import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { equipmentStatuses, type EquipmentStatus } from '@clinicflow/domain';
import { oneOf } from './columns';
import { clinics } from './clinics.table';
import { rooms } from './rooms.table';

export const equipment = pgTable(
  'equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    roomId: uuid('room_id'),
    kind: text('kind'),
    status: text('status').$type<EquipmentStatus>().notNull().default('in_service'),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'equipment_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'equipment_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),
    check('equipment_status_check', oneOf(t.status, equipmentStatuses)),
    index('equipment_clinic_idx').on(t.clinicId),
  ],
);
