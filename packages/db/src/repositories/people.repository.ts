import { asc, eq } from 'drizzle-orm';
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
  return { id: row!.id, name: row!.name };
}

export async function listProviders(db: Db, clinicId: string): Promise<Provider[]> {
  const rows = await db
    .select()
    .from(providers)
    .where(eq(providers.clinicId, clinicId))
    .orderBy(asc(providers.name));
  return rows.map((r) => ({ id: r.id, name: r.name }));
}
