import { and, asc, eq } from 'drizzle-orm';
import type { Room } from '@clinicflow/domain';
import type { Db } from '../client';
import { rooms } from '../schema';

const toRoom = (row: typeof rooms.$inferSelect): Room => ({
  id: row.id,
  clinicId: row.clinicId,
  name: row.name,
  status: row.status,
  statusSince: row.statusSince.toISOString(),
  visitId: row.visitId,
  version: row.version,
});

export async function insertRooms(db: Db, clinicId: string, names: string[], now: Date): Promise<Room[]> {
  const rows = await db
    .insert(rooms)
    .values(names.map((name) => ({ clinicId, name, statusSince: now })))
    .returning();
  return rows.map(toRoom);
}

export async function listRooms(db: Db, clinicId: string): Promise<Room[]> {
  const rows = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId)).orderBy(asc(rooms.name));
  return rows.map(toRoom);
}

export async function getRoom(db: Db, clinicId: string, id: string): Promise<Room | null> {
  const [row] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, id)));
  return row ? toRoom(row) : null;
}

/** Writes the room only if nobody changed it since `expectedVersion`; false means the edit was stale. */
export async function saveRoom(db: Db, room: Room, expectedVersion: number): Promise<boolean> {
  const updated = await db
    .update(rooms)
    .set({
      status: room.status,
      statusSince: new Date(room.statusSince),
      visitId: room.visitId,
      version: room.version,
    })
    .where(and(eq(rooms.id, room.id), eq(rooms.version, expectedVersion)))
    .returning({ id: rooms.id });
  return updated.length === 1;
}
