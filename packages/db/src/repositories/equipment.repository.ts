import { and, asc, eq } from 'drizzle-orm';
import type { Equipment } from '@clinicflow/domain';
import type { Db } from '../client';
import { equipment } from '../schema';

const toEquipment = (row: typeof equipment.$inferSelect): Equipment => ({
  id: row.id,
  clinicId: row.clinicId,
  name: row.name,
  roomId: row.roomId,
  status: row.status,
  version: row.version,
});

export async function insertEquipment(
  db: Db,
  input: { clinicId: string; name: string; roomId: string | null },
): Promise<Equipment> {
  const [row] = await db.insert(equipment).values(input).returning();
  return toEquipment(row!);
}

export async function listEquipment(db: Db, clinicId: string): Promise<Equipment[]> {
  const rows = await db
    .select()
    .from(equipment)
    .where(eq(equipment.clinicId, clinicId))
    .orderBy(asc(equipment.name));
  return rows.map(toEquipment);
}

export async function getEquipment(db: Db, clinicId: string, id: string): Promise<Equipment | null> {
  const [row] = await db
    .select()
    .from(equipment)
    .where(and(eq(equipment.clinicId, clinicId), eq(equipment.id, id)));
  return row ? toEquipment(row) : null;
}

/** Writes the item only if nobody changed it since `expectedVersion`. */
export async function saveEquipment(db: Db, item: Equipment, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .update(equipment)
    .set({ status: item.status, roomId: item.roomId, version: item.version })
    .where(and(eq(equipment.id, item.id), eq(equipment.version, expectedVersion)))
    .returning({ id: equipment.id });
  return rows.length === 1;
}
