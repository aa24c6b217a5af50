import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StaffRole } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

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

const toStaff = (row: typeof t.staff.$inferSelect): StaffRow => ({
  id: row.id,
  clinicId: row.clinicId,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  passwordHash: row.passwordHash,
  disabled: row.disabled,
  createdAt: row.createdAt.toISOString(),
});

async function insertStaff(
  db: Db,
  input: {
    clinicId: string;
    username: string;
    displayName: string;
    role: StaffRole;
    passwordHash?: string | null;
  },
): Promise<StaffRow> {
  const [row] = await db.insert(t.staff).values(input).returning();
  return toStaff(row!);
}

async function findStaffByUsername(db: Db, clinicId: string, username: string): Promise<StaffRow | null> {
  const [row] = await db
    .select()
    .from(t.staff)
    .where(and(eq(t.staff.clinicId, clinicId), eq(t.staff.username, username)));
  return row ? toStaff(row) : null;
}

async function getStaff(db: Db, clinicId: string, id: string): Promise<StaffRow | null> {
  const [row] = await db
    .select()
    .from(t.staff)
    .where(and(eq(t.staff.clinicId, clinicId), eq(t.staff.id, id)));
  return row ? toStaff(row) : null;
}

async function listStaff(db: Db, clinicId: string): Promise<StaffRow[]> {
  const rows = await db
    .select()
    .from(t.staff)
    .where(eq(t.staff.clinicId, clinicId))
    .orderBy(asc(t.staff.username));
  return rows.map(toStaff);
}

async function updateStaff(
  db: Db,
  clinicId: string,
  id: string,
  changes: Partial<Pick<StaffRow, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>,
): Promise<void> {
  await db
    .update(t.staff)
    .set(changes)
    .where(and(eq(t.staff.clinicId, clinicId), eq(t.staff.id, id)));
}

export type SessionRow = typeof t.sessions.$inferSelect;

async function insertSession(
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
    .insert(t.sessions)
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

async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(t.sessions).where(eq(t.sessions.tokenHash, tokenHash));
  return row ?? null;
}

async function getSession(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(t.sessions).where(eq(t.sessions.id, id));
  return row ?? null;
}

async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(t.sessions).set({ lastActiveAt: now }).where(eq(t.sessions.id, id));
}

async function endSession(db: Db, id: string, input: { now: Date; reason: string }): Promise<void> {
  await db
    .update(t.sessions)
    .set({ endedAt: input.now, endReason: input.reason })
    .where(and(eq(t.sessions.id, id), isNull(t.sessions.endedAt)));
}

/** Ends every open session of a staff member; returns the ids that were open. */
async function endStaffSessions(
  db: Db,
  staffId: string,
  input: { now: Date; reason: string },
): Promise<string[]> {
  const rows = await db
    .update(t.sessions)
    .set({ endedAt: input.now, endReason: input.reason })
    .where(and(eq(t.sessions.staffId, staffId), isNull(t.sessions.endedAt)))
    .returning({ id: t.sessions.id });
  return rows.map((r) => r.id);
}

export const staff = {
  insert: insertStaff,
  findByUsername: findStaffByUsername,
  get: getStaff,
  list: listStaff,
  update: updateStaff,
};

export const sessions = {
  insert: insertSession,
  findByTokenHash: findSessionByTokenHash,
  get: getSession,
  touch: touchSession,
  end: endSession,
  endForStaff: endStaffSessions,
};
