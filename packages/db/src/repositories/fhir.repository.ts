import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Appointment, VisitStatus } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { toAppointment } from './appointment.repository';

export type AppointmentForExport = {
  appointment: Appointment & { code: string | null; cancelReason: string | null };
  patient: { firstName: string; lastName: string };
  provider: { id: string; name: string };
  room: { id: string; name: string } | null;
  appointmentType: { name: string } | null;
  visitStatus: VisitStatus | null;
};

/** Booked visits with everything an exported Appointment names: patient, provider, room, type, and the visit. */
async function appointmentsWhere(db: Db, where: SQL | undefined): Promise<AppointmentForExport[]> {
  const rows = await db
    .select({
      a: t.appointments,
      firstName: t.patients.firstName,
      lastName: t.patients.lastName,
      providerName: t.providers.name,
      roomName: t.rooms.name,
      typeName: t.appointmentTypes.name,
      visitStatus: t.visits.status,
    })
    .from(t.appointments)
    .innerJoin(t.patients, eq(t.patients.id, t.appointments.patientId))
    .innerJoin(t.providers, eq(t.providers.id, t.appointments.providerId))
    .leftJoin(t.rooms, eq(t.rooms.id, t.appointments.roomId))
    .leftJoin(t.appointmentTypes, eq(t.appointmentTypes.id, t.appointments.appointmentTypeId))
    .leftJoin(t.visits, eq(t.visits.appointmentId, t.appointments.id))
    .where(and(eq(t.appointments.kind, 'visit'), where))
    .orderBy(asc(t.appointments.startsAt), asc(t.appointments.id));
  return rows.map((r) => ({
    appointment: { ...toAppointment(r.a), code: r.a.code, cancelReason: r.a.cancelReason },
    patient: { firstName: r.firstName, lastName: r.lastName },
    provider: { id: r.a.providerId!, name: r.providerName },
    room: r.a.roomId && r.roomName !== null ? { id: r.a.roomId, name: r.roomName } : null,
    appointmentType: r.typeName === null ? null : { name: r.typeName },
    visitStatus: r.visitStatus,
  }));
}

async function appointment(db: Db, clinicId: string, id: string): Promise<AppointmentForExport | null> {
  const [row] = await appointmentsWhere(
    db,
    and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id)),
  );
  return row ?? null;
}

/** The appointments that start in [from, to): a day's book, each booking once. */
function appointmentsStarting(db: Db, input: { clinicId: string; from: string; to: string }) {
  return appointmentsWhere(
    db,
    and(
      eq(t.appointments.clinicId, input.clinicId),
      gte(t.appointments.startsAt, new Date(input.from)),
      lt(t.appointments.startsAt, new Date(input.to)),
    ),
  );
}

/** One stored questionnaire response with the patient it belongs to (through its visit). */
async function questionnaireResponse(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select({ response: t.questionnaireResponses, patientId: t.visits.patientId })
    .from(t.questionnaireResponses)
    .innerJoin(t.visits, eq(t.visits.id, t.questionnaireResponses.visitId))
    .where(and(eq(t.questionnaireResponses.clinicId, clinicId), eq(t.questionnaireResponses.id, id)));
  return row ? { ...row.response, patientId: row.patientId } : null;
}

/** The reads behind the FHIR export, joined the way the resources need them. */
export const fhir = { appointment, appointmentsStarting, questionnaireResponse };
