import type { CommandFailure } from '@clinicflow/contracts';
import type { FlowBoard, Room, Visit } from '@clinicflow/domain';

export const patientName = (v: Visit): string => `${v.patient.firstName} ${v.patient.lastName}`;
/** How the board names a visit in buttons, toasts and refusals: its ticket, or the patient before check-in. */
export const who = (v: Visit): string => v.ticketCode ?? patientName(v);
export const roomName = (board: FlowBoard, id: string | null): string => (id && board.rooms[id]?.name) || '—';
/** Rooms as people number them: "Room 2" before "Room 10". */
export const sortedRooms = (board: FlowBoard): Room[] =>
  Object.values(board.rooms).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
/** A stale action or a taken room: the server's own words say what changed, from the state it has now. */
export const serverWords = (failure: CommandFailure, text: string): string =>
  failure.code === 'STALE_VERSION' || failure.code === 'ROOM_NOT_AVAILABLE' ? failure.message : text;
