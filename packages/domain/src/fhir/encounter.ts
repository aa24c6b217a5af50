import type { Visit, VisitStatus } from '../visits/visit';
import type { FhirEncounterStatus, FhirEncounter } from './fhir.types';
import { clinicSystem, fhirRef, v3ActCode, v3ParticipationType } from './fhir.systems';

/**
 * Visit status → Encounter.status. Waiting and called are still `arrived` (checked in, not yet seen); nothing
 * maps to `triaged` because the kiosk's urgent screening is not a clinician's triage. A visit that ended before
 * anyone saw the patient (no-show, cancelled, left without being seen) is `cancelled`: "ended before it began".
 */
export const encounterStatusOf = {
  booked: 'planned',
  arrived: 'arrived',
  waiting: 'arrived',
  called: 'arrived',
  in_room: 'in-progress',
  with_provider: 'in-progress',
  checked_out: 'finished',
  no_show: 'cancelled',
  cancelled: 'cancelled',
  left_without_being_seen: 'cancelled',
} as const satisfies Record<VisitStatus, FhirEncounterStatus>;

/** When the patient was first here, and when the visit ended (if it has). */
function periodOf(visit: Visit): FhirEncounter['period'] {
  const start = visit.times.arrived ?? visit.times.waiting;
  if (!start) return undefined;
  const ended = ['checked_out', 'left_without_being_seen', 'cancelled'].includes(visit.status);
  return ended ? { start, end: visit.statusSince } : { start };
}

/**
 * The statuses the encounter went through before the current one, from the visit's timestamps. The visit keeps
 * the last entry into each status (the first into waiting), so a patient sent back to waiting shows once.
 */
function historyOf(visit: Visit): FhirEncounter['statusHistory'] {
  const entries = (Object.entries(visit.times) as [VisitStatus, string][])
    .map(([status, at]) => ({ status: encounterStatusOf[status], at }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const runs: { status: FhirEncounterStatus; start: string }[] = [];
  for (const e of entries) if (runs.at(-1)?.status !== e.status) runs.push({ status: e.status, start: e.at });
  const past = runs.slice(0, -1).map((run, i) => ({
    status: run.status,
    period: { start: run.start, end: runs[i + 1]!.start },
  }));
  return past.length ? past : undefined;
}

/** A visit as an ambulatory Encounter: who, with whom, in which room, and how it went. */
export function fhirEncounter(input: {
  visit: Visit;
  provider: { id: string; name: string } | null;
  room: { id: string; name: string } | null;
}): FhirEncounter {
  const { visit, provider, room } = input;
  const status = encounterStatusOf[visit.status];
  const { firstName, lastName } = visit.patient;
  const statusHistory = historyOf(visit);
  const period = periodOf(visit);
  return {
    resourceType: 'Encounter',
    id: visit.id,
    ...(visit.ticketCode
      ? {
          identifier: [
            {
              use: 'secondary',
              system: clinicSystem(visit.clinicId, `ticket:${visit.day}`),
              value: visit.ticketCode,
            },
          ],
        }
      : {}),
    status,
    ...(statusHistory ? { statusHistory } : {}),
    class: { system: v3ActCode, code: 'AMB', display: 'ambulatory' },
    subject: fhirRef('Patient', visit.patientId, `${firstName} ${lastName}`),
    ...(provider
      ? {
          participant: [
            {
              type: [
                { coding: [{ system: v3ParticipationType, code: 'PPRF', display: 'primary performer' }] },
              ],
              individual: fhirRef('Practitioner', provider.id, provider.name),
            },
          ],
        }
      : {}),
    ...(visit.appointmentId ? { appointment: [fhirRef('Appointment', visit.appointmentId)] } : {}),
    ...(period ? { period } : {}),
    ...(visit.reason ? { reasonCode: [{ text: visit.reason }] } : {}),
    ...(room
      ? {
          location: [
            {
              location: fhirRef('Location', room.id, room.name),
              ...(status === 'in-progress' ? { status: 'active' as const } : {}),
              ...(status === 'finished' ? { status: 'completed' as const } : {}),
            },
          ],
        }
      : {}),
  };
}
