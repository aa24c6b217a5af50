import type { DisplayPrivacy } from '../../clinic/clinic';
import type { Equipment } from '../../equipment/equipment';
import type { DomainEvent } from '../../events';
import type { Room } from '../../rooms/room';
import type { Provider } from '../../scheduling/provider';
import type { Visit, VisitStatus } from '../../visits/visit';
import type { FlowBoard } from '../flow-board/state';
import {
  displayedVisitStatuses,
  type DisplayBoard,
  type DisplayEquipment,
  type DisplayEvent,
  type DisplayProvider,
  type DisplayRoom,
  type DisplayVisit,
  type DisplayVisitStatus,
} from './state';

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
    // Only a booked visit moves, and public screens never show booked ones.
    case 'VisitRescheduled':
    case 'VisitLate':
      return null;
    // The desk's own flags and rules: nothing a public screen shows.
    case 'VisitFlagged':
    case 'FlowSettingsChanged':
      return null;
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
    // The book's setup and reservations are the desk's; intake and alerts are between the patient and the staff.
    case 'AppointmentTypeSaved':
    case 'ReservationAdded':
    case 'ReservationsRemoved':
    case 'QuestionnaireSubmitted':
    case 'ConsentSigned':
    case 'ContactDetailsUpdated':
    case 'SurveySubmitted':
    case 'UrgentAlertRaised':
    case 'AlertAcknowledged':
      return null;
    // The roster and duties are the staff's own business.
    case 'RosterChanged':
    case 'DutyTaskCreated':
    case 'DutyTaskCompleted':
    case 'DutyTaskChanged':
      return null;
  }
}

/** Whether the display scope sees this event at all; stored with the event so replays can skip the rest. */
export function isDisplayVisible(event: DomainEvent): boolean {
  // Visibility never depends on the privacy mode, only the label does.
  return projectForDisplay(event, 'ticket') !== null;
}

/** The display's picture, computed from the console's: the one place a full board becomes a public one. */
export function projectFlowBoardForDisplay(
  board: FlowBoard,
  privacy: DisplayPrivacy = board.clinic.displayPrivacy,
): DisplayBoard {
  const visits: Record<string, DisplayVisit> = {};
  for (const v of Object.values(board.visits)) {
    const projected = projectVisit(v, privacy);
    if (projected) visits[v.id] = projected;
  }
  const each = <T extends { id: string }, U>(items: Record<string, T>, f: (item: T) => U) =>
    Object.fromEntries(Object.values(items).map((item) => [item.id, f(item)]));
  return {
    clinic: {
      name: board.clinic.name,
      timezone: board.clinic.timezone,
      displayPrivacy: privacy,
      displayNotice: board.clinic.displayNotice,
      roomThresholds: board.clinic.roomThresholds,
    },
    providers: each(board.providers, projectProvider),
    rooms: each(board.rooms, projectRoom),
    visits,
    equipment: each(board.equipment, projectEquipment),
  };
}
