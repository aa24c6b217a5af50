import { asc, eq } from 'drizzle-orm';
import type { Clinic } from '@clinicflow/domain';
import type { Db } from '../client';
import { clinics } from '../schema';

const toClinic = (row: typeof clinics.$inferSelect): Clinic => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  displayPrivacy: row.displayPrivacy,
  askContactDetails: row.askContactDetails,
  displayNotice: row.displayNotice,
  roomThresholds: row.roomThresholds,
});

export async function insertClinic(db: Db, input: Omit<Clinic, 'id'>): Promise<Clinic> {
  const [row] = await db.insert(clinics).values(input).returning();
  return toClinic(row!);
}

export async function getClinic(db: Db, id: string): Promise<Clinic | null> {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id));
  return row ? toClinic(row) : null;
}

export async function firstClinic(db: Db): Promise<Clinic | null> {
  const [row] = await db.select().from(clinics).orderBy(asc(clinics.createdAt)).limit(1);
  return row ? toClinic(row) : null;
}

/** Takes the clinic's row lock: a clinic's writes run one at a time, so seqs and tickets never race. */
export async function lockClinic(db: Db, id: string): Promise<Clinic | null> {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id)).for('update');
  return row ? toClinic(row) : null;
}

export async function updateDisplaySettings(
  db: Db,
  id: string,
  changes: Partial<Pick<Clinic, 'displayNotice' | 'roomThresholds' | 'displayPrivacy'>>,
): Promise<Clinic> {
  const [row] = await db.update(clinics).set(changes).where(eq(clinics.id, id)).returning();
  return toClinic(row!);
}
