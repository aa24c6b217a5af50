import { foreignKey, pgTable, primaryKey, uuid, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { clinics } from './clinics.table';
import { rooms } from './rooms.table';
import { rosterShifts } from './roster.table';

/**
 * The rooms of a room session, one row each with the session's time: no room is two people's at once (an
 * exclusion constraint in the migration; an array column cannot carry one).
 */
export const rosterShiftRooms = pgTable(
  'roster_shift_rooms',
  {
    shiftId: uuid('shift_id').notNull(),
    clinicId: uuid('clinic_id').notNull(),
    roomId: uuid('room_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ name: 'roster_shift_rooms_pk', columns: [t.shiftId, t.roomId] }),
    foreignKey({
      name: 'roster_shift_rooms_shift_fk',
      columns: [t.shiftId],
      foreignColumns: [rosterShifts.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'roster_shift_rooms_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'roster_shift_rooms_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),
  ],
);
