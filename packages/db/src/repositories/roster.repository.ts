import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type {
  StaffRole,
  RosterException,
  RosterShift,
  WorkingPattern,
  WorkingSession,
} from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { constraintViolated } from './errors';

export type StoredPattern = WorkingPattern & { staffId: string; version: number };
/** What a person's working time over some days is computed from: their pattern and the exceptions in range. */
export type Availability = { staffId: string; pattern: WorkingPattern; exceptions: RosterException[] };

const toException = (r: typeof t.rosterExceptions.$inferSelect): RosterException => ({
  id: r.id,
  staffId: r.staffId,
  kind: r.kind,
  fromDay: r.fromDay,
  toDay: r.toDay,
  start: r.startTime,
  end: r.endTime,
  note: r.note,
});

const toShift = (r: typeof t.rosterShifts.$inferSelect): RosterShift => ({
  id: r.id,
  staffId: r.staffId,
  kind: r.kind,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  roomIds: r.roomIds,
  note: r.note,
});

async function listPatterns(db: Db, clinicId: string, staffIds?: string[]): Promise<StoredPattern[]> {
  const rows = await db
    .select()
    .from(t.workingPatterns)
    .where(
      and(
        eq(t.workingPatterns.clinicId, clinicId),
        staffIds ? inArray(t.workingPatterns.staffId, staffIds) : undefined,
      ),
    );
  return rows.map((r) => ({ staffId: r.staffId, sessions: r.sessions, version: r.version }));
}

/** Replaces a person's weekly pattern whole; returns the new version. */
async function setPattern(
  db: Db,
  input: { clinicId: string; staffId: string; sessions: WorkingSession[]; now: Date },
): Promise<number> {
  const [row] = await db
    .insert(t.workingPatterns)
    .values({ clinicId: input.clinicId, staffId: input.staffId, sessions: input.sessions })
    .onConflictDoUpdate({
      target: [t.workingPatterns.clinicId, t.workingPatterns.staffId],
      set: {
        sessions: input.sessions,
        version: sql`${t.workingPatterns.version} + 1`,
        updatedAt: input.now,
      },
    })
    .returning({ version: t.workingPatterns.version });
  return row!.version;
}

/** Exceptions that touch any day from `fromDay` to `toDay` (inclusive). */
async function listExceptions(
  db: Db,
  input: { clinicId: string; fromDay: string; toDay: string; staffIds?: string[] },
): Promise<RosterException[]> {
  const rows = await db
    .select()
    .from(t.rosterExceptions)
    .where(
      and(
        eq(t.rosterExceptions.clinicId, input.clinicId),
        lte(t.rosterExceptions.fromDay, input.toDay),
        gte(t.rosterExceptions.toDay, input.fromDay),
        input.staffIds ? inArray(t.rosterExceptions.staffId, input.staffIds) : undefined,
      ),
    )
    .orderBy(asc(t.rosterExceptions.fromDay));
  return rows.map(toException);
}

async function insertException(
  db: Db,
  input: Omit<RosterException, 'id'> & { clinicId: string },
): Promise<RosterException> {
  const { start, end, ...rest } = input;
  const [row] = await db
    .insert(t.rosterExceptions)
    .values({ ...rest, startTime: start, endTime: end })
    .returning();
  return toException(row!);
}

async function removeException(db: Db, clinicId: string, id: string): Promise<RosterException | null> {
  const [row] = await db
    .delete(t.rosterExceptions)
    .where(and(eq(t.rosterExceptions.clinicId, clinicId), eq(t.rosterExceptions.id, id)))
    .returning();
  return row ? toException(row) : null;
}

/** Shifts overlapping [from, to), by start. */
async function listShifts(
  db: Db,
  input: { clinicId: string; from: string; to: string; staffIds?: string[] },
): Promise<RosterShift[]> {
  const rows = await db
    .select()
    .from(t.rosterShifts)
    .where(
      and(
        eq(t.rosterShifts.clinicId, input.clinicId),
        lt(t.rosterShifts.startsAt, new Date(input.to)),
        gt(t.rosterShifts.endsAt, new Date(input.from)),
        input.staffIds ? inArray(t.rosterShifts.staffId, input.staffIds) : undefined,
      ),
    )
    .orderBy(asc(t.rosterShifts.startsAt));
  return rows.map(toShift);
}

/**
 * Writes a shift; the database refuses one that overlaps another of the same person. A lock on the person first,
 * so two overlapping writes queue instead of deadlocking on the constraint; a savepoint, so a refusal leaves the
 * caller's transaction usable.
 */
async function insertShift(
  db: Db,
  input: Omit<RosterShift, 'id'> & { clinicId: string },
): Promise<{ ok: true; shift: RosterShift } | { ok: false; conflict: 'staff' | 'room' }> {
  try {
    const shift = await db.transaction(async (txDb) => {
      const tx = txDb as Db;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${input.staffId}, 0))`);
      const [startsAt, endsAt] = [new Date(input.startsAt), new Date(input.endsAt)];
      const [row] = await tx
        .insert(t.rosterShifts)
        .values({ ...input, startsAt, endsAt })
        .returning();
      if (input.roomIds.length > 0)
        await tx.insert(t.rosterShiftRooms).values(
          input.roomIds.map((roomId) => ({
            shiftId: row!.id,
            clinicId: input.clinicId,
            roomId,
            startsAt,
            endsAt,
          })),
        );
      return toShift(row!);
    });
    return { ok: true, shift };
  } catch (error) {
    if (constraintViolated(error, 'roster_shifts_staff_no_overlap')) return { ok: false, conflict: 'staff' };
    if (constraintViolated(error, 'roster_shift_rooms_no_overlap')) return { ok: false, conflict: 'room' };
    throw error;
  }
}

async function removeShift(db: Db, clinicId: string, id: string): Promise<RosterShift | null> {
  const [row] = await db
    .delete(t.rosterShifts)
    .where(and(eq(t.rosterShifts.clinicId, clinicId), eq(t.rosterShifts.id, id)))
    .returning();
  return row ? toShift(row) : null;
}

/**
 * A staff member's (or a provider's, through its staff account) pattern and the exceptions touching the days
 * from `fromDay` to `toDay`: the input of `workingIntervals`. Null when the provider has no staff account; an
 * empty pattern when no hours were ever set.
 */
async function availability(
  db: Db,
  clinicId: string,
  input: ({ staffId: string } | { providerId: string }) & { fromDay: string; toDay: string },
): Promise<Availability | null> {
  let staffId: string | null;
  if ('staffId' in input) staffId = input.staffId;
  else {
    const [provider] = await db
      .select({ staffId: t.providers.staffId })
      .from(t.providers)
      .where(and(eq(t.providers.clinicId, clinicId), eq(t.providers.id, input.providerId)));
    staffId = provider?.staffId ?? null;
  }
  if (!staffId) return null;
  const [pattern] = await listPatterns(db, clinicId, [staffId]);
  const exceptions = await listExceptions(db, { clinicId, ...input, staffIds: [staffId] });
  return { staffId, pattern: { sessions: pattern?.sessions ?? [] }, exceptions };
}

/** The clinic's active staff as the roster names them: name, role, and the provider they book as (if any). */
async function people(
  db: Db,
  clinicId: string,
): Promise<{ id: string; displayName: string; role: StaffRole; providerId: string | null }[]> {
  const rows = await db
    .select({
      id: t.staff.id,
      displayName: t.staff.displayName,
      role: t.staff.role,
      providerId: t.providers.id,
    })
    .from(t.staff)
    .leftJoin(t.providers, eq(t.providers.staffId, t.staff.id))
    .where(and(eq(t.staff.clinicId, clinicId), eq(t.staff.disabled, false)))
    .orderBy(asc(t.staff.displayName));
  return rows;
}

export const roster = {
  people,
  listPatterns,
  setPattern,
  listExceptions,
  insertException,
  removeException,
  listShifts,
  insertShift,
  removeShift,
  availability,
};
