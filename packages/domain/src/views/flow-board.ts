import type { Clinic } from '../clinic';
import type { Alert } from '../intake/alert';
import type { DomainEvent } from '../events';
import type { Room } from '../room';
import type { Visit } from '../visit';

export type Provider = { id: string; name: string };

/** The console's live picture of one clinic-day. */
export type FlowBoard = {
  clinic: Clinic;
  day: string;
  providers: Record<string, Provider>;
  rooms: Record<string, Room>;
  visits: Record<string, Visit>;
  /** Today's confidential alerts (urgent screening answers), acknowledged or not. */
  alerts: Record<string, Alert>;
};

export function emptyFlowBoard(input: {
  clinic: Clinic;
  day: string;
  providers: Provider[];
  rooms: Room[];
}): FlowBoard {
  return {
    clinic: input.clinic,
    day: input.day,
    providers: Object.fromEntries(input.providers.map((p) => [p.id, p])),
    rooms: Object.fromEntries(input.rooms.map((r) => [r.id, r])),
    visits: {},
    alerts: {},
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
    case 'QuestionnaireSubmitted':
    case 'ConsentSigned':
    case 'ContactDetailsUpdated':
      return board;
  }
}

/** Visits in the order a coordinator reads them: by appointment time, walk-ins by arrival. */
export function flowBoardRows(board: FlowBoard): Visit[] {
  const key = (v: Visit) => v.scheduledAt ?? v.times.arrived ?? v.statusSince;
  return Object.values(board.visits).sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
