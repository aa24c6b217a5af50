import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Language, Provider } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type NewPatient = {
  clinicId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone?: string | null;
  preferredLanguage?: Language | null;
};

async function insertPatient(db: Db, input: NewPatient): Promise<{ id: string }> {
  const [row] = await db.insert(t.patients).values(input).returning({ id: t.patients.id });
  return row!;
}

async function insertProvider(
  db: Db,
  input: { clinicId: string; name: string; staffId?: string | null },
): Promise<Provider> {
  const [row] = await db.insert(t.providers).values(input).returning();
  return { id: row!.id, name: row!.name, delayMinutes: row!.delayMinutes, staffId: row!.staffId };
}

async function listProviders(db: Db, clinicId: string): Promise<Provider[]> {
  const rows = await db
    .select()
    .from(t.providers)
    .where(eq(t.providers.clinicId, clinicId))
    .orderBy(asc(t.providers.name));
  return rows.map((r) => ({ id: r.id, name: r.name, delayMinutes: r.delayMinutes, staffId: r.staffId }));
}

/** The patient with exactly this name and date of birth (any case), if the clinic knows them. */
async function findPatientByIdentity(
  db: Db,
  input: { clinicId: string; firstName: string; lastName: string; dateOfBirth: string },
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: t.patients.id })
    .from(t.patients)
    .where(
      and(
        eq(t.patients.clinicId, input.clinicId),
        eq(sql`lower(${t.patients.firstName})`, input.firstName.trim().toLowerCase()),
        eq(sql`lower(${t.patients.lastName})`, input.lastName.trim().toLowerCase()),
        eq(t.patients.dateOfBirth, input.dateOfBirth),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function getPatient(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(t.patients)
    .where(and(eq(t.patients.clinicId, clinicId), eq(t.patients.id, id)));
  return row ?? null;
}

async function setProviderDelay(
  db: Db,
  input: { clinicId: string; providerId: string; minutes: number },
): Promise<Provider | null> {
  const [row] = await db
    .update(t.providers)
    .set({ delayMinutes: input.minutes })
    .where(and(eq(t.providers.clinicId, input.clinicId), eq(t.providers.id, input.providerId)))
    .returning();
  return row ? { id: row.id, name: row.name, delayMinutes: row.delayMinutes, staffId: row.staffId } : null;
}

/**
 * Patients whose first or last name starts with each word typed (any case), or born on the date typed: the desk's
 * search when booking. At most `limit`, by last name.
 */
async function searchPatients(
  db: Db,
  input: { clinicId: string; words: string[]; dateOfBirth?: string; limit: number },
): Promise<{ id: string; firstName: string; lastName: string; dateOfBirth: string }[]> {
  const nameMatches = input.words.map((w) => {
    const prefix = `${w.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return or(
      sql`lower(${t.patients.firstName}) like ${prefix}`,
      sql`lower(${t.patients.lastName}) like ${prefix}`,
    );
  });
  return db
    .select({
      id: t.patients.id,
      firstName: t.patients.firstName,
      lastName: t.patients.lastName,
      dateOfBirth: t.patients.dateOfBirth,
    })
    .from(t.patients)
    .where(
      and(
        eq(t.patients.clinicId, input.clinicId),
        ...nameMatches,
        input.dateOfBirth ? eq(t.patients.dateOfBirth, input.dateOfBirth) : undefined,
      ),
    )
    .orderBy(asc(t.patients.lastName), asc(t.patients.firstName), asc(t.patients.id))
    .limit(input.limit);
}

export const patients = {
  insert: insertPatient,
  search: searchPatients,
  findByIdentity: findPatientByIdentity,
  get: getPatient,
};

export const providers = {
  insert: insertProvider,
  list: listProviders,
  setDelay: setProviderDelay,
};
