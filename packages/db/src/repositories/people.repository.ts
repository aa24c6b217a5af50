import { and, asc, eq, sql } from 'drizzle-orm';
import type { Provider } from '@clinicflow/domain';
import type { Db } from '../client';
import { patients, providers } from '../schema';

export type NewPatient = {
  clinicId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone?: string | null;
};

export async function insertPatient(db: Db, input: NewPatient): Promise<{ id: string }> {
  const [row] = await db.insert(patients).values(input).returning({ id: patients.id });
  return row!;
}

export async function insertProvider(
  db: Db,
  input: { clinicId: string; name: string; staffId?: string | null },
): Promise<Provider> {
  const [row] = await db.insert(providers).values(input).returning();
  return { id: row!.id, name: row!.name, delayMinutes: row!.delayMinutes };
}

export async function listProviders(db: Db, clinicId: string): Promise<Provider[]> {
  const rows = await db
    .select()
    .from(providers)
    .where(eq(providers.clinicId, clinicId))
    .orderBy(asc(providers.name));
  return rows.map((r) => ({ id: r.id, name: r.name, delayMinutes: r.delayMinutes }));
}

/** The patient with exactly this name and date of birth (any case), if the clinic knows them. */
export async function findPatientByIdentity(
  db: Db,
  input: { clinicId: string; firstName: string; lastName: string; dateOfBirth: string },
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        eq(patients.clinicId, input.clinicId),
        eq(sql`lower(${patients.firstName})`, input.firstName.trim().toLowerCase()),
        eq(sql`lower(${patients.lastName})`, input.lastName.trim().toLowerCase()),
        eq(patients.dateOfBirth, input.dateOfBirth),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function getPatient(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, id)));
  return row ?? null;
}

export async function setProviderDelay(
  db: Db,
  input: { clinicId: string; providerId: string; minutes: number },
): Promise<Provider | null> {
  const [row] = await db
    .update(providers)
    .set({ delayMinutes: input.minutes })
    .where(and(eq(providers.clinicId, input.clinicId), eq(providers.id, input.providerId)))
    .returning();
  return row ? { id: row.id, name: row.name, delayMinutes: row.delayMinutes } : null;
}
