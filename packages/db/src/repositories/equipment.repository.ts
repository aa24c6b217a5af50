import { and, asc, eq } from 'drizzle-orm';
import type { Equipment } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

const toEquipment = (row: typeof t.equipment.$inferSelect): Equipment => ({
  id: row.id,
  clinicId: row.clinicId,
  name: row.name,
  roomId: row.roomId,
  kind: row.kind,
  status: row.status,
  version: row.version,
});

async function insertEquipment(
  db: Db,
  input: { clinicId: string; name: string; roomId: string | null; kind?: string | null },
): Promise<Equipment> {
  const [row] = await db.insert(t.equipment).values(input).returning();
  return toEquipment(row!);
}

async function listEquipment(db: Db, clinicId: string): Promise<Equipment[]> {
  const rows = await db
    .select()
    .from(t.equipment)
    .where(eq(t.equipment.clinicId, clinicId))
    .orderBy(asc(t.equipment.name));
  return rows.map(toEquipment);
}

async function getEquipment(db: Db, clinicId: string, id: string): Promise<Equipment | null> {
  const [row] = await db
    .select()
    .from(t.equipment)
    .where(and(eq(t.equipment.clinicId, clinicId), eq(t.equipment.id, id)));
  return row ? toEquipment(row) : null;
}

/** Writes the item only if nobody changed it since `expectedVersion`. */
async function saveEquipment(db: Db, item: Equipment, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .update(t.equipment)
    .set({ status: item.status, roomId: item.roomId, version: item.version })
    .where(
      and(
        eq(t.equipment.clinicId, item.clinicId),
        eq(t.equipment.id, item.id),
        eq(t.equipment.version, expectedVersion),
      ),
    )
    .returning({ id: t.equipment.id });
  return rows.length === 1;
}

export const equipment = {
  insert: insertEquipment,
  list: listEquipment,
  get: getEquipment,
  save: saveEquipment,
};
