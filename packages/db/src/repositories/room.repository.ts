import { and, asc, eq } from 'drizzle-orm';
import type { Room } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

const toRoom = (row: typeof t.rooms.$inferSelect): Room => ({
  id: row.id,
  clinicId: row.clinicId,
  name: row.name,
  status: row.status,
  statusSince: row.statusSince.toISOString(),
  visitId: row.visitId,
  features: row.features,
  version: row.version,
});

async function insertRooms(db: Db, clinicId: string, names: string[], now: Date): Promise<Room[]> {
  const rows = await db
    .insert(t.rooms)
    .values(names.map((name) => ({ clinicId, name, statusSince: now })))
    .returning();
  return rows.map(toRoom);
}

async function listRooms(db: Db, clinicId: string): Promise<Room[]> {
  const rows = await db
    .select()
    .from(t.rooms)
    .where(eq(t.rooms.clinicId, clinicId))
    .orderBy(asc(t.rooms.name));
  return rows.map(toRoom);
}

async function getRoom(db: Db, clinicId: string, id: string): Promise<Room | null> {
  const [row] = await db
    .select()
    .from(t.rooms)
    .where(and(eq(t.rooms.clinicId, clinicId), eq(t.rooms.id, id)));
  return row ? toRoom(row) : null;
}

/** Writes the room only if nobody changed it since `expectedVersion`; false means the edit was stale. */
async function saveRoom(db: Db, room: Room, expectedVersion: number): Promise<boolean> {
  const updated = await db
    .update(t.rooms)
    .set({
      status: room.status,
      statusSince: new Date(room.statusSince),
      visitId: room.visitId,
      version: room.version,
    })
    .where(
      and(eq(t.rooms.clinicId, room.clinicId), eq(t.rooms.id, room.id), eq(t.rooms.version, expectedVersion)),
    )
    .returning({ id: t.rooms.id });
  return updated.length === 1;
}

/** What each room offers ('ecg', 'wheelchair'), by room id. */
async function roomFeatures(db: Db, clinicId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .select({ id: t.rooms.id, features: t.rooms.features })
    .from(t.rooms)
    .where(eq(t.rooms.clinicId, clinicId));
  return Object.fromEntries(rows.map((r) => [r.id, r.features]));
}

async function setRoomFeatures(db: Db, clinicId: string, id: string, features: string[]): Promise<void> {
  await db
    .update(t.rooms)
    .set({ features })
    .where(and(eq(t.rooms.clinicId, clinicId), eq(t.rooms.id, id)));
}

export const rooms = {
  features: roomFeatures,
  setFeatures: setRoomFeatures,
  insertMany: insertRooms,
  list: listRooms,
  get: getRoom,
  save: saveRoom,
};
