import type { Clinic } from '../clinic';
import type { Equipment } from '../display-config';
import type { Alert } from '../intake/alert';
import type { DomainEvent } from '../events';
import type { Room } from '../room';
import type { Visit } from '../visit';

export type Provider = {
  id: string;
  name: string;
  /** How late this provider is running, as announced by the desk; 0 when on time. */
  delayMinutes: number;
};

/** The console's live picture of one clinic-day. */
export type FlowBoard = {
  clinic: Clinic;
  day: string;
  providers: Record<string, Provider>;
  rooms: Record<string, Room>;
  visits: Record<string, Visit>;
  /** Today's confidential alerts (urgent screening answers), acknowledged or not. */
  alerts: Record<string, Alert>;
  equipment: Record<string, Equipment>;
};

export function emptyFlowBoard(input: {
  clinic: Clinic;
  day: string;
  providers: Provider[];
  rooms: Room[];
  equipment?: Equipment[];
}): FlowBoard {
  return {
    clinic: input.clinic,
    day: input.day,
    providers: Object.fromEntries(input.providers.map((p) => [p.id, p])),
    rooms: Object.fromEntries(input.rooms.map((r) => [r.id, r])),
    visits: {},
    alerts: {},
    equipment: Object.fromEntries((input.equipment ?? []).map((e) => [e.id, e])),
  };
}

/** Pure reducer shared by server and clients. Events carry whole entities, so applying one twice is harmless. */
export function applyFlowBoardEvent(board: FlowBoard, event: DomainEvent): FlowBoard {
  switch (event.type) {
    case 'VisitBooked':
    case 'VisitCheckedIn':
    case 'WalkInRegistered':
    case 'VisitStatusChanged': {
      const { visit } = event.payload;
      if (visit.day !== board.day) return board;
      return { ...board, visits: { ...board.visits, [visit.id]: visit } };
    }
    case 'RoomStatusChanged': {
      const { room } = event.payload;
      return { ...board, rooms: { ...board.rooms, [room.id]: room } };
    }
    case 'UrgentAlertRaised':
    case 'AlertAcknowledged': {
      const { alert } = event.payload;
      if (!board.visits[alert.visitId]) return board;
      return { ...board, alerts: { ...board.alerts, [alert.id]: alert } };
    }
    case 'ProviderDelayChanged': {
      const { provider } = event.payload;
      return { ...board, providers: { ...board.providers, [provider.id]: provider } };
    }
    case 'DisplaySettingsChanged':
      return { ...board, clinic: { ...board.clinic, ...event.payload } };
    case 'EquipmentStatusChanged': {
      const { equipment } = event.payload;
      return { ...board, equipment: { ...board.equipment, [equipment.id]: equipment } };
    }
    case 'QuestionnaireSubmitted':
    case 'ConsentSigned':
    case 'ContactDetailsUpdated':
    case 'SurveySubmitted':
      return board;
  }
}

/** Visits in the order a coordinator reads them: by appointment time, walk-ins by arrival. */
export function flowBoardRows(board: FlowBoard): Visit[] {
  const key = (v: Visit) => v.scheduledAt ?? v.times.arrived ?? v.statusSince;
  return Object.values(board.visits).sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
