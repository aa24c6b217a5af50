import { and, asc, eq, gte, inArray, like, max } from 'drizzle-orm';
import {
  nameKey,
  visitKind,
  type FlowVisit,
  type TicketQueue,
  type Visit,
  type VisitStatus,
} from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

const columns = {
  visit: t.visits,
  patient: {
    firstName: t.patients.firstName,
    lastName: t.patients.lastName,
    dateOfBirth: t.patients.dateOfBirth,
  },
  appointmentTypeId: t.appointments.appointmentTypeId,
};

type Row = {
  visit: typeof t.visits.$inferSelect;
  patient: Visit['patient'];
  appointmentTypeId: string | null;
};

const toVisit = ({ visit: v, patient, appointmentTypeId }: Row): Visit => ({
  id: v.id,
  clinicId: v.clinicId,
  day: v.day,
  appointmentId: v.appointmentId,
  appointmentTypeId,
  patientId: v.patientId,
  patient,
  providerId: v.providerId,
  roomId: v.roomId,
  status: v.status,
  statusSince: v.statusSince.toISOString(),
  ticketCode: v.ticketCode,
  scheduledAt: v.scheduledAt?.toISOString() ?? null,
  reason: v.reason,
  reasonCategory: v.reasonCategory,
  times: v.times,
  lateSince: v.lateSince?.toISOString() ?? null,
  noShowDueSince: v.noShowDueSince?.toISOString() ?? null,
  checkInUnfinishedSince: v.checkInUnfinishedSince?.toISOString() ?? null,
  version: v.version,
});

const selectVisits = (db: Db) =>
  db
    .select(columns)
    .from(t.visits)
    .innerJoin(t.patients, eq(t.patients.id, t.visits.patientId))
    .leftJoin(t.appointments, eq(t.appointments.id, t.visits.appointmentId));

export type NewVisit = {
  clinicId: string;
  day: string;
  appointmentId: string | null;
  patientId: string;
  providerId: string | null;
  scheduledAt: string | null;
  reason: string | null;
  reasonCategory?: string | null;
  status: VisitStatus;
  now: Date;
};

async function insertVisit(db: Db, input: NewVisit): Promise<Visit> {
  const at = input.now.toISOString();
  const [row] = await db
    .insert(t.visits)
    .values({
      clinicId: input.clinicId,
      day: input.day,
      appointmentId: input.appointmentId,
      patientId: input.patientId,
      providerId: input.providerId,
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
      reason: input.reason,
      reasonCategory: input.reasonCategory ?? null,
      status: input.status,
      statusSince: input.now,
      times: { [input.status]: at },
    })
    .returning({ id: t.visits.id });
  return (await getVisit(db, input.clinicId, row!.id))!;
}

async function getVisit(db: Db, clinicId: string, id: string): Promise<Visit | null> {
  const [row] = await selectVisits(db).where(and(eq(t.visits.clinicId, clinicId), eq(t.visits.id, id)));
  return row ? toVisit(row) : null;
}

async function listVisitsForDay(db: Db, clinicId: string, day: string): Promise<Visit[]> {
  const rows = await selectVisits(db)
    .where(and(eq(t.visits.clinicId, clinicId), eq(t.visits.day, day)))
    .orderBy(asc(t.visits.scheduledAt), asc(t.visits.id));
  return rows.map(toVisit);
}

async function findVisitByAppointment(
  db: Db,
  clinicId: string,
  appointmentId: string,
): Promise<Visit | null> {
  const [row] = await selectVisits(db).where(
    and(eq(t.visits.clinicId, clinicId), eq(t.visits.appointmentId, appointmentId)),
  );
  return row ? toVisit(row) : null;
}

export type QueueVisit = FlowVisit;

const queueColumns = {
  id: t.visits.id,
  status: t.visits.status,
  providerId: t.visits.providerId,
  scheduledAt: t.visits.scheduledAt,
  statusSince: t.visits.statusSince,
  times: t.visits.times,
  reason: t.visits.reason,
};
type QueueRow = { [K in keyof typeof queueColumns]: (typeof t.visits.$inferSelect)[K] };
const toQueueVisit = (r: QueueRow): QueueVisit => ({
  id: r.id,
  status: r.status,
  providerId: r.providerId,
  scheduledAt: r.scheduledAt?.toISOString() ?? null,
  statusSince: r.statusSince.toISOString(),
  times: r.times,
  kind: visitKind(r),
});

/** The day's waiting room and rooms in use: only what a wait estimate needs, without the patients. */
async function listQueue(db: Db, clinicId: string, day: string): Promise<QueueVisit[]> {
  const rows = await db
    .select(queueColumns)
    .from(t.visits)
    .where(
      and(
        eq(t.visits.clinicId, clinicId),
        eq(t.visits.day, day),
        inArray(t.visits.status, ['waiting', 'called', 'in_room', 'with_provider']),
      ),
    );
  return rows.map(toQueueVisit);
}

/** Visits checked out since `fromDay`: the history the wait model learns in-room times from. */
async function listFinishedSince(db: Db, clinicId: string, fromDay: string): Promise<QueueVisit[]> {
  const rows = await db
    .select(queueColumns)
    .from(t.visits)
    .where(
      and(eq(t.visits.clinicId, clinicId), gte(t.visits.day, fromDay), eq(t.visits.status, 'checked_out')),
    );
  return rows.map(toQueueVisit);
}

/**
 * Today's visits of patients with this date of birth and last name, the name matched as the domain says (any
 * case, spacing, accents or Unicode form): the day's patients born that day are few, so it is compared here.
 */
async function findVisitsByPatient(
  db: Db,
  input: { clinicId: string; day: string; lastName: string; dateOfBirth: string },
): Promise<Visit[]> {
  const rows = await selectVisits(db).where(
    and(
      eq(t.visits.clinicId, input.clinicId),
      eq(t.visits.day, input.day),
      eq(t.patients.dateOfBirth, input.dateOfBirth),
    ),
  );
  const wanted = nameKey(input.lastName);
  return rows.map(toVisit).filter((v) => nameKey(v.patient.lastName) === wanted);
}

/** Writes the visit only if nobody changed it since `expectedVersion`; false means the edit was stale. */
async function saveVisit(db: Db, visit: Visit, expectedVersion: number): Promise<boolean> {
  const updated = await db
    .update(t.visits)
    .set({
      status: visit.status,
      statusSince: new Date(visit.statusSince),
      roomId: visit.roomId,
      providerId: visit.providerId,
      day: visit.day,
      scheduledAt: visit.scheduledAt ? new Date(visit.scheduledAt) : null,
      lateSince: visit.lateSince ? new Date(visit.lateSince) : null,
      noShowDueSince: visit.noShowDueSince ? new Date(visit.noShowDueSince) : null,
      checkInUnfinishedSince: visit.checkInUnfinishedSince ? new Date(visit.checkInUnfinishedSince) : null,
      times: visit.times,
      version: visit.version,
    })
    .where(
      and(
        eq(t.visits.clinicId, visit.clinicId),
        eq(t.visits.id, visit.id),
        eq(t.visits.version, expectedVersion),
      ),
    )
    .returning({ id: t.visits.id });
  return updated.length === 1;
}

/**
 * Highest ticket number issued in one queue (A-, W-) for the clinic-day; call under the clinic lock so two
 * check-ins cannot race.
 */
async function lastTicketNumber(
  db: Db,
  input: { clinicId: string; day: string; queue: TicketQueue },
): Promise<number> {
  const [row] = await db
    .select({ n: max(t.visits.ticketNumber) })
    .from(t.visits)
    .where(
      and(
        eq(t.visits.clinicId, input.clinicId),
        eq(t.visits.day, input.day),
        like(t.visits.ticketCode, `${input.queue}-%`),
      ),
    );
  return row?.n ?? 0;
}

async function assignTicket(db: Db, input: { visitId: string; number: number; code: string }): Promise<void> {
  await db
    .update(t.visits)
    .set({ ticketNumber: input.number, ticketCode: input.code })
    .where(eq(t.visits.id, input.visitId));
}

/** Today's visit booked under this appointment code, if any. */
async function findVisitsByAppointmentCode(
  db: Db,
  input: { clinicId: string; day: string; code: string },
): Promise<Visit[]> {
  // selectVisits already joins the visit's appointment; matching its code keeps only booked visits.
  const rows = await selectVisits(db).where(
    and(
      eq(t.visits.clinicId, input.clinicId),
      eq(t.visits.day, input.day),
      eq(t.appointments.code, input.code),
    ),
  );
  return rows.map(toVisit);
}

/** Appointment codes of a clinic-day's visits, by visit id (demo and front-desk reprints). */
async function appointmentCodesForDay(db: Db, clinicId: string, day: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ visitId: t.visits.id, code: t.appointments.code })
    .from(t.visits)
    .innerJoin(t.appointments, eq(t.appointments.id, t.visits.appointmentId))
    .where(and(eq(t.visits.clinicId, clinicId), eq(t.visits.day, day)));
  return new Map(rows.filter((r) => r.code).map((r) => [r.visitId, r.code!]));
}

export const visits = {
  insert: insertVisit,
  get: getVisit,
  listForDay: listVisitsForDay,
  listQueue,
  listFinishedSince,
  findByAppointment: findVisitByAppointment,
  findByPatient: findVisitsByPatient,
  save: saveVisit,
  lastTicketNumber,
  assignTicket,
  findByAppointmentCode: findVisitsByAppointmentCode,
  appointmentCodesForDay,
};
