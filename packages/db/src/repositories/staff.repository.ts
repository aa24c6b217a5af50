import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StaffRole } from '@clinicflow/domain';
import type { Db } from '../client';
import { sessions, staff } from '../schema';

export type StaffRow = {
  id: string;
  clinicId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
};

const toStaff = (row: typeof staff.$inferSelect): StaffRow => ({
  id: row.id,
  clinicId: row.clinicId,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  passwordHash: row.passwordHash,
  disabled: row.disabled,
  createdAt: row.createdAt.toISOString(),
});

export async function insertStaff(
  db: Db,
  input: {
    clinicId: string;
    username: string;
    displayName: string;
    role: StaffRole;
    passwordHash?: string | null;
  },
): Promise<StaffRow> {
  const [row] = await db.insert(staff).values(input).returning();
  return toStaff(row!);
}

export async function findStaffByUsername(
  db: Db,
  clinicId: string,
  username: string,
): Promise<StaffRow | null> {
  const [row] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.clinicId, clinicId), eq(staff.username, username)));
  return row ? toStaff(row) : null;
}

export async function getStaff(db: Db, clinicId: string, id: string): Promise<StaffRow | null> {
  const [row] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.clinicId, clinicId), eq(staff.id, id)));
  return row ? toStaff(row) : null;
}

export async function listStaff(db: Db, clinicId: string): Promise<StaffRow[]> {
  const rows = await db.select().from(staff).where(eq(staff.clinicId, clinicId)).orderBy(asc(staff.username));
  return rows.map(toStaff);
}

export async function updateStaff(
  db: Db,
  id: string,
  changes: Partial<Pick<StaffRow, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>,
): Promise<void> {
  await db.update(staff).set(changes).where(eq(staff.id, id));
}

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  db: Db,
  input: {
    clinicId: string;
    staffId: string;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    origin: string | null;
  },
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({
      clinicId: input.clinicId,
      staffId: input.staffId,
      tokenHash: input.tokenHash,
      createdAt: input.now,
      lastActiveAt: input.now,
      expiresAt: input.expiresAt,
      origin: input.origin,
    })
    .returning();
  return row!;
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function getSession(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, id));
}

export async function endSession(db: Db, id: string, input: { now: Date; reason: string }): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: input.now, endReason: input.reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a staff member; returns the ids that were open. */
export async function endStaffSessions(
  db: Db,
  staffId: string,
  input: { now: Date; reason: string },
): Promise<string[]> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: input.now, endReason: input.reason })
    .where(and(eq(sessions.staffId, staffId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}
