import { appointments } from './repositories/appointment.repository';
import { appointmentTypes } from './repositories/appointment-type.repository';
import { auditLog } from './repositories/audit.repository';
import { clinics } from './repositories/clinic.repository';
import { commands } from './repositories/command.repository';
import { pairingRequests, devices } from './repositories/device.repository';
import { documents } from './repositories/document.repository';
import { dutyTasks } from './repositories/duty-task.repository';
import { equipment } from './repositories/equipment.repository';
import { events } from './repositories/event.repository';
import { fhir } from './repositories/fhir.repository';
import { questionnaires, consents, alerts, contactDetails } from './repositories/intake.repository';
import { patients, providers } from './repositories/people.repository';
import { reports } from './repositories/report.repository';
import { rooms } from './repositories/room.repository';
import { series } from './repositories/series.repository';
import { roster } from './repositories/roster.repository';
import { staff, sessions } from './repositories/staff.repository';
import { loginThrottle } from './repositories/throttle.repository';
import { visits } from './repositories/visit.repository';

export { openDatabase, type Db, type DatabaseHandle, type Schema } from './client';
export { constraintViolated, isDatabaseUnavailable, isTransientConflict } from './repositories/errors';
export { type NewAppointment, type AppointmentConflict } from './repositories/appointment.repository';
export { type TypeFields } from './repositories/appointment-type.repository';
export { type AuditEntry, type AuditFilter } from './repositories/audit.repository';
export { type DeviceRow } from './repositories/device.repository';
export { type DocumentFilter, type NewDocument } from './repositories/document.repository';
export { type NewDutyTask } from './repositories/duty-task.repository';
export { type StoredEvent } from './repositories/event.repository';
export { type AppointmentForExport } from './repositories/fhir.repository';
export { type ContactDetails } from './repositories/intake.repository';
export { type NewPatient } from './repositories/people.repository';
export { type Availability, type StoredPattern } from './repositories/roster.repository';
export { type StaffRow, type SessionRow } from './repositories/staff.repository';
export { type ThrottleState } from './repositories/throttle.repository';
export { type NewVisit, type QueueVisit } from './repositories/visit.repository';
export { type NewSeries, type Occurrence as SeriesOccurrence } from './repositories/series.repository';

/** The repositories, one namespaced object per table group: `repo.visits.get(db, clinicId, id)`. Queries only. */
export const repo = {
  alerts,
  appointments,
  appointmentTypes,
  auditLog,
  clinics,
  commands,
  consents,
  contactDetails,
  devices,
  documents,
  dutyTasks,
  equipment,
  events,
  fhir,
  loginThrottle,
  pairingRequests,
  patients,
  providers,
  questionnaires,
  reports,
  rooms,
  series,
  roster,
  sessions,
  staff,
  visits,
};
