import type { Appointment } from '../scheduling/appointment';
import type { VisitStatus } from '../visits/visit';
import type { FhirAppointment, FhirAppointmentStatus } from './fhir.types';
import { clinicSystem, fhirRef, v3ParticipationType } from './fhir.systems';

/**
 * A booked appointment's FHIR status follows its visit: here and not yet done is `arrived`, seen is `fulfilled`.
 * Leaving unseen is `cancelled` with that reason (the patient came, so not `noshow`; nobody saw them, so not
 * `fulfilled`).
 */
export const appointmentStatusOf = {
  booked: 'booked',
  arrived: 'arrived',
  waiting: 'arrived',
  called: 'arrived',
  in_room: 'arrived',
  with_provider: 'arrived',
  checked_out: 'fulfilled',
  no_show: 'noshow',
  cancelled: 'cancelled',
  left_without_being_seen: 'cancelled',
} as const satisfies Record<VisitStatus, FhirAppointmentStatus>;

export function fhirAppointmentStatus(
  appointment: Appointment,
  visitStatus: VisitStatus | null,
): FhirAppointmentStatus {
  if (appointment.status === 'cancelled') return 'cancelled';
  return appointmentStatusOf[visitStatus ?? 'booked'];
}

const role = (code: string, display: string) => [
  { coding: [{ system: v3ParticipationType, code, display }] },
];

/** An appointment with its patient, provider and room as participants; times are UTC instants. */
export function fhirAppointment(input: {
  appointment: Appointment & { code: string | null; cancelReason: string | null };
  visitStatus: VisitStatus | null;
  patient: { firstName: string; lastName: string };
  provider: { id: string; name: string };
  room: { id: string; name: string } | null;
  appointmentType: { name: string } | null;
}): FhirAppointment {
  const { appointment: a, patient, provider, room } = input;
  const status = fhirAppointmentStatus(a, input.visitStatus);
  const cancelReason =
    a.status === 'cancelled'
      ? a.cancelReason
      : input.visitStatus === 'left_without_being_seen'
        ? 'Left without being seen'
        : null;
  const minutes = Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000);
  return {
    resourceType: 'Appointment',
    id: a.id,
    ...(a.code
      ? {
          identifier: [{ use: 'usual', system: clinicSystem(a.clinicId, 'appointment-code'), value: a.code }],
        }
      : {}),
    status,
    ...(status === 'cancelled' && cancelReason ? { cancelationReason: { text: cancelReason } } : {}),
    ...(input.appointmentType ? { appointmentType: { text: input.appointmentType.name } } : {}),
    ...(a.reason ? { description: a.reason } : {}),
    start: new Date(a.startsAt).toISOString(),
    end: new Date(a.endsAt).toISOString(),
    minutesDuration: minutes,
    participant: [
      {
        type: role('SBJ', 'subject'),
        actor: fhirRef('Patient', a.patientId, `${patient.firstName} ${patient.lastName}`),
        required: 'required',
        status: 'accepted',
      },
      {
        type: role('PPRF', 'primary performer'),
        actor: fhirRef('Practitioner', provider.id, provider.name),
        required: 'required',
        status: 'accepted',
      },
      ...(room
        ? [
            {
              actor: fhirRef('Location', room.id, room.name),
              required: 'required' as const,
              status: 'accepted' as const,
            },
          ]
        : []),
    ],
  };
}
