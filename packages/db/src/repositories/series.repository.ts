import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppointmentSeries, SeriesRow } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { book, type AppointmentConflict, type NewAppointment } from './appointment.repository';

export type NewSeries = Omit<AppointmentSeries, 'id'>;

const toSeries = (r: typeof t.appointmentSeries.$inferSelect): AppointmentSeries => ({
  id: r.id,
  clinicId: r.clinicId,
  patientId: r.patientId,
  providerId: r.providerId,
  roomId: r.roomId,
  rule: r.rule,
  timezone: r.timezone,
  firstDay: r.firstDay,
  startTime: r.startTime,
  durationMinutes: r.durationMinutes,
  reason: r.reason,
  splitFrom: r.splitFrom,
});

async function insertSeries(db: Db, input: NewSeries): Promise<AppointmentSeries> {
  const [row] = await db.insert(t.appointmentSeries).values(input).returning();
  return toSeries(row!);
}

async function getSeries(db: Db, clinicId: string, id: string): Promise<AppointmentSeries | null> {
  const [row] = await db
    .select()
    .from(t.appointmentSeries)
    .where(and(eq(t.appointmentSeries.clinicId, clinicId), eq(t.appointmentSeries.id, id)));
  return row ? toSeries(row) : null;
}

/** The series now ends after its first `count` occurrences (the rest went to the series that continues it). */
async function truncateSeries(db: Db, series: AppointmentSeries, count: number): Promise<void> {
  await db
    .update(t.appointmentSeries)
    .set({ rule: { ...series.rule, count, until: null } })
    .where(and(eq(t.appointmentSeries.clinicId, series.clinicId), eq(t.appointmentSeries.id, series.id)));
}

/** Which series an appointment is an occurrence of, and its place in it; null for a single appointment. */
async function seriesOfAppointment(
  db: Db,
  clinicId: string,
  appointmentId: string,
): Promise<{ seriesId: string; index: number } | null> {
  const [row] = await db
    .select({ seriesId: t.appointments.seriesId, index: t.appointments.occurrenceIndex })
    .from(t.appointments)
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, appointmentId)));
  return row?.seriesId ? { seriesId: row.seriesId, index: row.index! } : null;
}

export type Occurrence = SeriesRow & { visitId: string | null };

/** Every row of a series, in order, with whether its patient has come (a visit past "booked"). */
async function listOccurrences(db: Db, clinicId: string, seriesId: string): Promise<Occurrence[]> {
  const rows = await db
    .select({ a: t.appointments, visitId: t.visits.id, visitStatus: t.visits.status })
    .from(t.appointments)
    .leftJoin(t.visits, eq(t.visits.appointmentId, t.appointments.id))
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.seriesId, seriesId)))
    .orderBy(asc(t.appointments.occurrenceIndex));
  return rows.map((r) => ({
    id: r.a.id,
    index: r.a.occurrenceIndex!,
    startsAt: r.a.startsAt.toISOString(),
    endsAt: r.a.endsAt.toISOString(),
    status: r.a.status,
    arrived: r.a.status === 'booked' && r.visitStatus !== null && r.visitStatus !== 'booked',
    visitId: r.visitId,
  }));
}

/** `now` sweeps the expired holds first: they never block (see `book`). */
type Place = { seriesId: string; index: number; originalStartsAt: string; now: Date };
type Placed = { ok: true; id: string } | { ok: false; conflict: AppointmentConflict };

/** Books one occurrence; a clash is refused by the exclusion constraints, inside its own savepoint. */
async function insertOccurrence(db: Db, input: NewAppointment & Place): Promise<Placed> {
  const { index, now, ...appointment } = input;
  const placed = await book(db, { clinicId: input.clinicId, now, resources: input }, async (tx) => {
    const [row] = await tx
      .insert(t.appointments)
      .values({
        ...appointment,
        occurrenceIndex: index,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        originalStartsAt: new Date(input.originalStartsAt),
      })
      .returning({ id: t.appointments.id });
    return row!.id;
  });
  return placed.ok ? { ok: true, id: placed.value } : placed;
}

/** Puts an existing row at a place of a series, booked at the given time; refused like a booking on a clash. */
async function placeOccurrence(
  db: Db,
  clinicId: string,
  id: string,
  to: Omit<NewAppointment, 'clinicId' | 'reason'> & Place,
): Promise<Placed> {
  const placed = await book(db, { clinicId, now: to.now, resources: to }, (tx) =>
    tx
      .update(t.appointments)
      .set({
        seriesId: to.seriesId,
        occurrenceIndex: to.index,
        originalStartsAt: new Date(to.originalStartsAt),
        providerId: to.providerId,
        roomId: to.roomId,
        startsAt: new Date(to.startsAt),
        endsAt: new Date(to.endsAt),
        status: 'booked',
        cancelReason: null,
      })
      .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id))),
  );
  return placed.ok ? { ok: true, id } : placed;
}

/** A cancelled row keeps its place when its series continues in another (the occurrence stays cancelled). */
async function moveCancelled(
  db: Db,
  clinicId: string,
  id: string,
  place: Omit<Place, 'originalStartsAt' | 'now'>,
) {
  await db
    .update(t.appointments)
    .set({ seriesId: place.seriesId, occurrenceIndex: place.index })
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id)));
}

/**
 * Takes rows off the book inside the edit's transaction, so that placing them again cannot clash with their own
 * old times; rows placed again are booked, the others stay cancelled with the reason.
 */
async function release(db: Db, clinicId: string, ids: string[], reason: string): Promise<void> {
  if (!ids.length) return;
  await db
    .update(t.appointments)
    .set({ status: 'cancelled', cancelReason: reason })
    .where(and(eq(t.appointments.clinicId, clinicId), inArray(t.appointments.id, ids)));
}

export const series = {
  insert: insertSeries,
  get: getSeries,
  of: seriesOfAppointment,
  truncate: truncateSeries,
  occurrences: listOccurrences,
  insertOccurrence,
  placeOccurrence,
  moveCancelled,
  release,
};
