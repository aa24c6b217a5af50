import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Appointment, BusyBooking } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { constraintViolated } from './errors';

type Extras =
  'appointmentTypeId' | 'equipmentId' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'overbookReason';
export type NewAppointment = Omit<Appointment, 'id' | 'status' | Extras> &
  Partial<Pick<Appointment, Extras>> & { code?: string | null };

const overlapConstraints = {
  appointments_provider_no_overlap: 'provider',
  appointments_room_no_overlap: 'room',
  appointments_patient_no_overlap: 'patient',
  appointments_equipment_no_overlap: 'equipment',
} as const;

export type AppointmentConflict = 'provider' | 'room' | 'patient' | 'equipment';

type Row = typeof t.appointments.$inferSelect;

export const toAppointment = (r: Row): Appointment => ({
  id: r.id,
  clinicId: r.clinicId,
  // Only visits are read as appointments; the shape check guarantees both.
  patientId: r.patientId!,
  providerId: r.providerId!,
  roomId: r.roomId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  reason: r.reason,
  status: r.status,
  appointmentTypeId: r.appointmentTypeId,
  equipmentId: r.equipmentId,
  bufferBeforeMinutes: r.bufferBeforeMinutes,
  bufferAfterMinutes: r.bufferAfterMinutes,
  overbookReason: r.overbookReason,
});

const toBusy = (r: Row): BusyBooking => ({
  id: r.id,
  kind: r.kind,
  providerId: r.providerId,
  roomId: r.roomId,
  patientId: r.patientId,
  equipmentId: r.equipmentId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  blockedFrom: r.blockedFrom!.toISOString(),
  blockedTo: r.blockedTo!.toISOString(),
  label: r.label,
  overbooked: r.overbookReason !== null,
});

/** What the clash check looks at: the resources a write holds and when. */
type Resources = {
  providerId: string | null;
  roomId: string | null;
  patientId: string | null;
  equipmentId?: string | null;
};
type Booked<T> = { ok: true; value: T } | { ok: false; conflict: AppointmentConflict };

/** Holds past their time block nothing: they go before any write meets the constraints. */
const expired = (clinicId: string, now: Date) =>
  and(
    eq(t.appointments.clinicId, clinicId),
    eq(t.appointments.kind, 'hold'),
    lte(t.appointments.expiresAt, now),
  );

/**
 * Writes a booking; the database refuses a double booking and we say which resource clashed. Two overlapping
 * writes at once deadlock on the exclusion constraints (each waits for the other's uncommitted row), so a write
 * first takes a lock on each of its resources, always in the same order: bookings that share one queue, and the
 * second meets the constraint like any other double booking. Inside a caller's transaction this is a savepoint,
 * so a refused booking leaves that transaction usable. Expired holds are swept first: they never block.
 */
export async function book<T>(
  db: Db,
  input: { clinicId: string; now: Date; resources: Resources },
  write: (tx: Db) => Promise<T>,
): Promise<Booked<T>> {
  const { providerId, roomId, patientId, equipmentId } = input.resources;
  try {
    const value = await db.transaction(async (txDb) => {
      const tx = txDb as Db;
      const resources = [providerId, roomId, patientId, equipmentId ?? null].filter((r) => r !== null).sort();
      for (const id of resources)
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${id}, 0))`);
      await tx.delete(t.appointments).where(expired(input.clinicId, input.now));
      return write(tx);
    });
    return { ok: true, value };
  } catch (error) {
    for (const [name, conflict] of Object.entries(overlapConstraints)) {
      if (constraintViolated(error, name)) return { ok: false, conflict };
    }
    throw error;
  }
}

const instants = (b: { startsAt: string; endsAt: string }) => ({
  startsAt: new Date(b.startsAt),
  endsAt: new Date(b.endsAt),
});

async function insertAppointment(
  db: Db,
  input: NewAppointment & { now?: Date },
): Promise<{ ok: true; id: string } | { ok: false; conflict: AppointmentConflict }> {
  // Without a clock (seeding a fresh book) there is no expired hold to sweep.
  const { now = new Date(0), ...row } = input;
  const booked = await book(db, { clinicId: input.clinicId, now, resources: input }, async (tx) => {
    const [inserted] = await tx
      .insert(t.appointments)
      .values({ ...row, kind: 'visit', ...instants(row) })
      .returning({ id: t.appointments.id });
    return inserted!.id;
  });
  return booked.ok ? { ok: true, id: booked.value } : booked;
}

/** A room block (cleaning, procedure prep) or a hold: a row of the book that is no visit. */
async function insertReservation(
  db: Db,
  input: {
    clinicId: string;
    now: Date;
    kind: 'block' | 'hold';
    providerId: string | null;
    roomId: string | null;
    startsAt: string;
    endsAt: string;
    label?: string | null;
    expiresAt?: Date | null;
    heldBy?: string | null;
  },
): Promise<Booked<BusyBooking>> {
  const { now, ...row } = input;
  return book(db, { clinicId: input.clinicId, now, resources: { ...input, patientId: null } }, async (tx) => {
    const [inserted] = await tx
      .insert(t.appointments)
      .values({ ...row, ...instants(row) })
      .returning();
    return toBusy(inserted!);
  });
}

/** A block or hold of this clinic (visits are cancelled, not removed). */
async function getReservation(
  db: Db,
  clinicId: string,
  id: string,
): Promise<(BusyBooking & { heldBy: string | null; expiresAt: string | null }) | null> {
  const [row] = await db
    .select()
    .from(t.appointments)
    .where(
      and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id), ne(t.appointments.kind, 'visit')),
    );
  return row ? { ...toBusy(row), heldBy: row.heldBy, expiresAt: row.expiresAt?.toISOString() ?? null } : null;
}

async function removeReservation(db: Db, clinicId: string, id: string): Promise<void> {
  await db
    .delete(t.appointments)
    .where(
      and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id), ne(t.appointments.kind, 'visit')),
    );
}

/** Deletes the clinic's holds past their time; returns their ids (for the event that clears them from screens). */
async function sweepExpiredHolds(db: Db, clinicId: string, now: Date): Promise<string[]> {
  const rows = await db
    .delete(t.appointments)
    .where(expired(clinicId, now))
    .returning({ id: t.appointments.id });
  return rows.map((r) => r.id);
}

/** Whether any hold of the clinic has expired (a read: the sweep runs a command only when there is work). */
async function anyExpiredHold(db: Db, clinicId: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: t.appointments.id })
    .from(t.appointments)
    .where(expired(clinicId, now))
    .limit(1);
  return rows.length > 0;
}

/** Room blocks and live holds between `from` and `to`, for the day view. */
async function listReservations(
  db: Db,
  input: { clinicId: string; from: string; to: string; now: Date },
): Promise<(BusyBooking & { heldBy: string | null; expiresAt: string | null })[]> {
  const rows = await db
    .select()
    .from(t.appointments)
    .where(
      and(
        eq(t.appointments.clinicId, input.clinicId),
        ne(t.appointments.kind, 'visit'),
        lt(t.appointments.startsAt, new Date(input.to)),
        gt(t.appointments.endsAt, new Date(input.from)),
        or(isNull(t.appointments.expiresAt), gt(t.appointments.expiresAt, input.now)),
      ),
    )
    .orderBy(asc(t.appointments.startsAt), asc(t.appointments.id));
  return rows.map((r) => ({ ...toBusy(r), heldBy: r.heldBy, expiresAt: r.expiresAt?.toISOString() ?? null }));
}

async function getAppointment(db: Db, clinicId: string, id: string): Promise<Appointment | null> {
  const [row] = await db
    .select()
    .from(t.appointments)
    .where(
      and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id), eq(t.appointments.kind, 'visit')),
    );
  return row ? toAppointment(row) : null;
}

/** Another time (and perhaps provider or room) for a booked appointment; refused like a booking on a clash. */
async function moveAppointment(
  db: Db,
  input: { clinicId: string; id: string; now: Date; to: Resources & { startsAt: string; endsAt: string } },
): Promise<{ ok: true } | { ok: false; conflict: AppointmentConflict }> {
  const { clinicId, id, to } = input;
  const moved = await book(db, { clinicId, now: input.now, resources: to }, (tx) =>
    tx
      .update(t.appointments)
      .set({ providerId: to.providerId, roomId: to.roomId, ...instants(to) })
      .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id))),
  );
  return moved.ok ? { ok: true } : moved;
}

async function cancelAppointment(db: Db, clinicId: string, id: string, reason: string): Promise<void> {
  await db
    .update(t.appointments)
    .set({ status: 'cancelled', cancelReason: reason })
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id)));
}

/**
 * Rows of the book between `from` and `to` (buffers included) that hold any of these providers, rooms, patients
 * or equipment: what a new booking must not overlap, and what a clash is explained by. Live holds only.
 */
async function listBusy(
  db: Db,
  input: {
    clinicId: string;
    from: string;
    to: string;
    now: Date;
    resources: Partial<Resources> & { providerIds?: string[]; roomIds?: string[] };
    except?: string;
  },
): Promise<BusyBooking[]> {
  const { providerId, roomId, patientId, equipmentId, providerIds, roomIds } = input.resources;
  const holds = [
    providerId ? eq(t.appointments.providerId, providerId) : undefined,
    roomId ? eq(t.appointments.roomId, roomId) : undefined,
    patientId ? eq(t.appointments.patientId, patientId) : undefined,
    equipmentId ? eq(t.appointments.equipmentId, equipmentId) : undefined,
    providerIds?.length ? inArray(t.appointments.providerId, providerIds) : undefined,
    roomIds?.length ? inArray(t.appointments.roomId, roomIds) : undefined,
  ].filter((c) => c !== undefined);
  if (!holds.length) return [];
  const rows = await db
    .select()
    .from(t.appointments)
    .where(
      and(
        eq(t.appointments.clinicId, input.clinicId),
        eq(t.appointments.status, 'booked'),
        lt(t.appointments.blockedFrom, new Date(input.to)),
        gt(t.appointments.blockedTo, new Date(input.from)),
        or(isNull(t.appointments.expiresAt), gt(t.appointments.expiresAt, input.now)),
        or(...holds),
        input.except ? ne(t.appointments.id, input.except) : undefined,
      ),
    )
    .orderBy(asc(t.appointments.blockedFrom));
  return rows.map(toBusy);
}

/** A range of the book (a day, a week), with the patient's name, oldest first; cancelled ones included. */
async function listBetween(
  db: Db,
  input: { clinicId: string; from: string; to: string; providerIds?: string[] },
): Promise<
  (Appointment & {
    patientName: string;
    code: string | null;
    seriesId: string | null;
    occurrenceIndex: number | null;
  })[]
> {
  const rows = await db
    .select({ a: t.appointments, firstName: t.patients.firstName, lastName: t.patients.lastName })
    .from(t.appointments)
    .innerJoin(t.patients, eq(t.patients.id, t.appointments.patientId))
    .where(
      and(
        eq(t.appointments.clinicId, input.clinicId),
        eq(t.appointments.kind, 'visit'),
        lt(t.appointments.startsAt, new Date(input.to)),
        gt(t.appointments.endsAt, new Date(input.from)),
        input.providerIds?.length ? inArray(t.appointments.providerId, input.providerIds) : undefined,
      ),
    )
    .orderBy(asc(t.appointments.startsAt), asc(t.appointments.id));
  return rows.map((r) => ({
    ...toAppointment(r.a),
    patientName: `${r.firstName} ${r.lastName}`,
    code: r.a.code,
    seriesId: r.a.seriesId,
    occurrenceIndex: r.a.occurrenceIndex,
  }));
}

export const appointments = {
  insert: insertAppointment,
  get: getAppointment,
  move: moveAppointment,
  cancel: cancelAppointment,
  listBusy,
  listBetween,
  insertReservation,
  getReservation,
  removeReservation,
  listReservations,
  sweepExpiredHolds,
  anyExpiredHold,
};
