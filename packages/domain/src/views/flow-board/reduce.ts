import type { DomainEvent } from '../../events';
import type { Visit } from '../../visits/visit';
import { isRoomShiftOf, type FlowBoard } from './state';

/** Pure reducer shared by server and clients. Events carry whole entities, so applying one twice is harmless. */
export function applyFlowBoardEvent(board: FlowBoard, event: DomainEvent): FlowBoard {
  switch (event.type) {
    case 'VisitBooked':
    case 'VisitLate':
    case 'VisitFlagged':
    case 'VisitCheckedIn':
    case 'WalkInRegistered':
    case 'VisitStatusChanged': {
      const { visit } = event.payload;
      if (visit.day !== board.day) return board;
      return { ...board, visits: { ...board.visits, [visit.id]: visit } };
    }
    case 'VisitRescheduled': {
      const { visit } = event.payload;
      if (visit.day === board.day) return { ...board, visits: { ...board.visits, [visit.id]: visit } };
      // Moved to another day: off today's board.
      if (!board.visits[visit.id]) return board;
      const { [visit.id]: _moved, ...visits } = board.visits;
      return { ...board, visits };
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
    case 'FlowSettingsChanged':
      return { ...board, clinic: { ...board.clinic, flowSettings: event.payload.flowSettings } };
    case 'EquipmentStatusChanged': {
      const { equipment } = event.payload;
      return { ...board, equipment: { ...board.equipment, [equipment.id]: equipment } };
    }
    case 'AppointmentTypeSaved': {
      const { appointmentType } = event.payload;
      return {
        ...board,
        appointmentTypes: { ...board.appointmentTypes, [appointmentType.id]: appointmentType },
      };
    }
    case 'RosterChanged': {
      if (event.payload.what !== 'shift') return board;
      const { shift, removed } = event.payload;
      const { [shift.id]: _old, ...roomShifts } = board.roomShifts;
      if (!removed && isRoomShiftOf(shift, board.day, board.clinic)) roomShifts[shift.id] = shift;
      return { ...board, roomShifts };
    }
    case 'ReservationAdded':
    case 'ReservationsRemoved':
    case 'QuestionnaireSubmitted':
    case 'ConsentSigned':
    case 'ContactDetailsUpdated':
    case 'SurveySubmitted':
    case 'DutyTaskCreated':
    case 'DutyTaskCompleted':
    case 'DutyTaskChanged':
      return board;
  }
}

/** Visits in the order a coordinator reads them: by appointment time, walk-ins by arrival. */
export function flowBoardRows(board: FlowBoard): Visit[] {
  const key = (v: Visit) => v.scheduledAt ?? v.times.arrived ?? v.statusSince;
  return Object.values(board.visits).sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
