import { asc, eq } from 'drizzle-orm';
import { defaultFlowSettings, type Clinic } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

const toClinic = (row: typeof t.clinics.$inferSelect): Clinic => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  displayPrivacy: row.displayPrivacy,
  askContactDetails: row.askContactDetails,
  displayNotice: row.displayNotice,
  roomThresholds: row.roomThresholds,
  // Rows written before a setting existed take its default.
  flowSettings: { ...defaultFlowSettings, ...row.flowSettings },
});

/** A clinic left without flow settings takes the defaults (the column's). */
async function insertClinic(
  db: Db,
  input: Omit<Clinic, 'id' | 'flowSettings'> & Partial<Pick<Clinic, 'flowSettings'>>,
): Promise<Clinic> {
  const [row] = await db.insert(t.clinics).values(input).returning();
  return toClinic(row!);
}

async function getClinic(db: Db, id: string): Promise<Clinic | null> {
  const [row] = await db.select().from(t.clinics).where(eq(t.clinics.id, id));
  return row ? toClinic(row) : null;
}

async function firstClinic(db: Db): Promise<Clinic | null> {
  const [row] = await db.select().from(t.clinics).orderBy(asc(t.clinics.createdAt)).limit(1);
  return row ? toClinic(row) : null;
}

/** Takes the clinic's row lock: a clinic's writes run one at a time, so seqs and tickets never race. */
async function lockClinic(db: Db, id: string): Promise<Clinic | null> {
  const [row] = await db.select().from(t.clinics).where(eq(t.clinics.id, id)).for('update');
  return row ? toClinic(row) : null;
}

async function updateDisplaySettings(
  db: Db,
  id: string,
  changes: Partial<Pick<Clinic, 'displayNotice' | 'roomThresholds' | 'displayPrivacy'>>,
): Promise<Clinic> {
  const [row] = await db.update(t.clinics).set(changes).where(eq(t.clinics.id, id)).returning();
  return toClinic(row!);
}

async function updateFlowSettings(db: Db, id: string, flowSettings: Clinic['flowSettings']): Promise<Clinic> {
  const [row] = await db.update(t.clinics).set({ flowSettings }).where(eq(t.clinics.id, id)).returning();
  return toClinic(row!);
}

/** The clinic's booking rules (kept off the Clinic every screen receives). */
async function schedulingSettings(db: Db, id: string): Promise<{ allowOverbooking: boolean }> {
  const [row] = await db
    .select({ allowOverbooking: t.clinics.allowOverbooking })
    .from(t.clinics)
    .where(eq(t.clinics.id, id));
  return { allowOverbooking: row?.allowOverbooking ?? false };
}

async function setSchedulingSettings(db: Db, id: string, settings: { allowOverbooking: boolean }) {
  await db.update(t.clinics).set(settings).where(eq(t.clinics.id, id));
}

export const clinics = {
  schedulingSettings,
  setSchedulingSettings,
  insert: insertClinic,
  get: getClinic,
  first: firstClinic,
  lock: lockClinic,
  updateDisplaySettings,
  updateFlowSettings,
};
