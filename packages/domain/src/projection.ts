import type { Clinic, DisplayPrivacy } from './clinic';
import type { Equipment } from './display-config';
import type { Provider } from './views/flow-board';
import type { DomainEvent } from './events';
import type { Room, RoomStatus } from './room';
import type { Visit, VisitStatus } from './visit';

/** Statuses a public screen shows: in the queue, being called, or in a room. */
export const displayedVisitStatuses = [
  'waiting',
  'called',
  'in_room',
  'with_provider',
] as const satisfies readonly VisitStatus[];
export type DisplayVisitStatus = (typeof displayedVisitStatuses)[number];

/** All a public screen may know of a visit. Deliberately no name, DOB, reason, or patient id. */
export type DisplayVisit = {
  id: string;
  label: string;
  status: DisplayVisitStatus;
  roomId: string | null;
  providerId: string | null;
  statusSince: string;
  queuedAt: string | null;
  /** When the patient was last called to a room, so a screen can list recent calls after they went in. */
  calledAt: string | null;
};

export type DisplayRoom = { id: string; name: string; status: RoomStatus; statusSince: string };

/** Equipment as a public screen sees it: what is broken in which room. */
export type DisplayEquipment = Pick<Equipment, 'id' | 'name' | 'roomId' | 'status'>;
export type DisplayProvider = Pick<Provider, 'id' | 'name' | 'delayMinutes'>;
export type DisplaySettings = Pick<Clinic, 'displayNotice' | 'roomThresholds'>;

export type DisplayEvent =
  | { type: 'DisplayVisitUpdated'; payload: { visit: DisplayVisit } }
  | { type: 'DisplayVisitRemoved'; payload: { id: string } }
  | { type: 'DisplayRoomUpdated'; payload: { room: DisplayRoom } }
  | { type: 'DisplayProviderUpdated'; payload: { provider: DisplayProvider } }
  | { type: 'DisplayEquipmentUpdated'; payload: { equipment: DisplayEquipment } }
  | { type: 'DisplaySettingsUpdated'; payload: DisplaySettings };

/** The public label: the ticket, or first name + last initial where the clinic allows it. */
export function displayLabel(visit: Pick<Visit, 'ticketCode' | 'patient'>, privacy: DisplayPrivacy): string {
  if (privacy === 'first_name_initial') {
    const initial = visit.patient.lastName.trim().charAt(0).toUpperCase();
    return `${visit.patient.firstName.trim()} ${initial}.`;
  }
  return visit.ticketCode ?? '—';
}

const isDisplayed = (s: VisitStatus): s is DisplayVisitStatus =>
  (displayedVisitStatuses as readonly string[]).includes(s);

export function projectVisit(visit: Visit, privacy: DisplayPrivacy): DisplayVisit | null {
  if (!isDisplayed(visit.status)) return null;
  return {
    id: visit.id,
    label: displayLabel(visit, privacy),
    status: visit.status,
    roomId: visit.roomId,
    providerId: visit.providerId,
    statusSince: visit.statusSince,
    queuedAt: visit.times.waiting ?? null,
    // The latest call: a patient sent back and called again is listed by their new call.
    calledAt:
      visit.status === 'called'
        ? visit.statusSince
        : visit.status === 'waiting'
          ? null
          : (visit.times.called ?? null),
  };
}

export const projectProvider = (p: Provider): DisplayProvider => ({
  id: p.id,
  name: p.name,
  delayMinutes: p.delayMinutes,
});

export const projectEquipment = (e: Equipment): DisplayEquipment => ({
  id: e.id,
  name: e.name,
  roomId: e.roomId,
  status: e.status,
});

export function projectRoom(room: Room): DisplayRoom {
  return { id: room.id, name: room.name, status: room.status, statusSince: room.statusSince };
}

/** What a display may receive for an event, or null when the event is none of its business. */
export function projectForDisplay(event: DomainEvent, privacy: DisplayPrivacy): DisplayEvent | null {
  switch (event.type) {
    case 'RoomStatusChanged':
      return { type: 'DisplayRoomUpdated', payload: { room: projectRoom(event.payload.room) } };
    case 'VisitBooked':
    case 'VisitCheckedIn':
    case 'WalkInRegistered':
    case 'VisitStatusChanged': {
      const visit = projectVisit(event.payload.visit, privacy);
      if (visit) return { type: 'DisplayVisitUpdated', payload: { visit } };
      const wasDisplayed = event.type === 'VisitStatusChanged' && isDisplayed(event.payload.from);
      return wasDisplayed ? { type: 'DisplayVisitRemoved', payload: { id: event.payload.visit.id } } : null;
    }
    case 'ProviderDelayChanged':
      return {
        type: 'DisplayProviderUpdated',
        payload: { provider: projectProvider(event.payload.provider) },
      };
    case 'EquipmentStatusChanged':
      return {
        type: 'DisplayEquipmentUpdated',
        payload: { equipment: projectEquipment(event.payload.equipment) },
      };
    case 'DisplaySettingsChanged':
      return {
        type: 'DisplaySettingsUpdated',
        payload: { displayNotice: event.payload.displayNotice, roomThresholds: event.payload.roomThresholds },
      };
    // Intake and alerts are between the patient and the staff: never on a public screen.
    case 'QuestionnaireSubmitted':
    case 'ConsentSigned':
    case 'ContactDetailsUpdated':
    case 'SurveySubmitted':
    case 'UrgentAlertRaised':
    case 'AlertAcknowledged':
      return null;
  }
}

/** Whether the display scope sees this event at all; stored with the event so replays can skip the rest. */
export function isDisplayVisible(event: DomainEvent): boolean {
  // Visibility never depends on the privacy mode, only the label does.
  return projectForDisplay(event, 'ticket') !== null;
}
