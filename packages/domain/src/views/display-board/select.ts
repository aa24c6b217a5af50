import { queueEstimates } from '../../visits/wait';
import type { DisplayBoard, DisplayRoom, DisplayVisit } from './state';

export type CalledTicket = { id: string; label: string; roomName: string; calledAt: string };
export type WaitingTicket = { id: string; label: string; waitingSince: string; estimatedMinutes: number };
export type RoomTile = DisplayRoom & {
  occupantLabel: string | null;
  providerName: string | null;
  /** Names of this room's equipment that is out of service. */
  equipmentOut: string[];
  /** Minutes in the state after which the tile is highlighted, if the state has a limit. */
  thresholdMinutes: number | null;
};

/** Patients called to a room and not yet in it, newest first. */
export function nowCalling(board: DisplayBoard): CalledTicket[] {
  return Object.values(board.visits)
    .filter((v) => v.status === 'called')
    .sort((a, b) => b.statusSince.localeCompare(a.statusSince))
    .map((v) => ({
      id: v.id,
      label: v.label,
      roomName: (v.roomId && board.rooms[v.roomId]?.name) || '',
      calledAt: v.statusSince,
    }));
}

export function waitingQueue(board: DisplayBoard, minutesPerPatient = 15): WaitingTicket[] {
  return queueEstimates({
    waiting: Object.values(board.visits).filter((v) => v.status === 'waiting'),
    roomsInService: Object.values(board.rooms).filter((r) => r.status !== 'out_of_service').length,
    providers: Object.keys(board.providers).length,
    minutesPerPatient,
  }).map(({ visit: v, estimatedMinutes }) => ({
    id: v.id,
    label: v.label,
    waitingSince: v.queuedAt ?? v.statusSince,
    estimatedMinutes,
  }));
}

export function roomTiles(board: DisplayBoard): RoomTile[] {
  const occupants = new Map<string, DisplayVisit>();
  for (const v of Object.values(board.visits))
    if (v.roomId && v.status !== 'waiting') occupants.set(v.roomId, v);
  return Object.values(board.rooms)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
    .map((room) => {
      const occupant = occupants.get(room.id);
      return {
        ...room,
        occupantLabel: occupant?.label ?? null,
        providerName: (occupant?.providerId && board.providers[occupant.providerId]?.name) || null,
        equipmentOut: Object.values(board.equipment)
          .filter((e) => e.roomId === room.id && e.status === 'out_of_service')
          .map((e) => e.name)
          .sort(),
        thresholdMinutes: board.clinic.roomThresholds[room.status] ?? null,
      };
    });
}

/** "Dr. Feld is running about 20 minutes late": every provider the desk has marked late. */
export function providerDelays(board: DisplayBoard): { name: string; minutes: number }[] {
  return Object.values(board.providers)
    .filter((p) => p.delayMinutes > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, minutes: p.delayMinutes }));
}
