import { and, asc, eq } from 'drizzle-orm';
import type { AppointmentType } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { constraintViolated } from './errors';

const toType = (r: typeof t.appointmentTypes.$inferSelect): AppointmentType => ({
  id: r.id,
  clinicId: r.clinicId,
  name: r.name,
  durationMinutes: r.durationMinutes,
  bufferBeforeMinutes: r.bufferBeforeMinutes,
  bufferAfterMinutes: r.bufferAfterMinutes,
  roomFeatures: r.roomFeatures,
  equipmentKinds: r.equipmentKinds,
  active: r.active,
  version: r.version,
});

export type TypeFields = Omit<AppointmentType, 'id' | 'clinicId' | 'active' | 'version'>;

/** A new type; null when the clinic already has one of that name. */
async function insertType(db: Db, clinicId: string, fields: TypeFields): Promise<AppointmentType | null> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(t.appointmentTypes)
        .values({ clinicId, ...fields })
        .returning();
      return toType(row!);
    });
  } catch (error) {
    if (constraintViolated(error, 'appointment_types_clinic_name_key')) return null;
    throw error;
  }
}

async function listTypes(db: Db, clinicId: string): Promise<AppointmentType[]> {
  const rows = await db
    .select()
    .from(t.appointmentTypes)
    .where(eq(t.appointmentTypes.clinicId, clinicId))
    .orderBy(asc(t.appointmentTypes.name));
  return rows.map(toType);
}

async function getType(db: Db, clinicId: string, id: string): Promise<AppointmentType | null> {
  const [row] = await db
    .select()
    .from(t.appointmentTypes)
    .where(and(eq(t.appointmentTypes.clinicId, clinicId), eq(t.appointmentTypes.id, id)));
  return row ? toType(row) : null;
}

/** Writes the type only if nobody changed it since `expectedVersion`; 'stale' or 'name_taken' otherwise. */
async function saveType(
  db: Db,
  type: AppointmentType,
  expectedVersion: number,
): Promise<'saved' | 'stale' | 'name_taken'> {
  try {
    return await db.transaction(async (tx) => {
      const { id, clinicId, ...fields } = type;
      const updated = await tx
        .update(t.appointmentTypes)
        .set(fields)
        .where(
          and(
            eq(t.appointmentTypes.clinicId, clinicId),
            eq(t.appointmentTypes.id, id),
            eq(t.appointmentTypes.version, expectedVersion),
          ),
        )
        .returning({ id: t.appointmentTypes.id });
      return updated.length === 1 ? 'saved' : 'stale';
    });
  } catch (error) {
    if (constraintViolated(error, 'appointment_types_clinic_name_key')) return 'name_taken';
    throw error;
  }
}

export const appointmentTypes = {
  insert: insertType,
  list: listTypes,
  get: getType,
  save: saveType,
};
