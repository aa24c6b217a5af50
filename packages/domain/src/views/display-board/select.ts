import { roundWait } from '../../visits/wait';
import { estimateQueue, waitDefaults } from '../../visits/wait-model';
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

/**
 * The queue in call order, each with the wait model's rounded estimate from what a public screen knows: each
 * provider's queue, how long the patients in rooms have been in, announced delays and the rooms in service.
 * NOTE: a screen does not know a visit's kind or appointment time (private), so every visit counts the default
 * in-room time here; the kiosk ticket, computed on the server, uses the learned ones.
 */
export function waitingQueue(
  board: DisplayBoard,
  now: Date,
  minutesPerPatient: number = waitDefaults.minutes,
): WaitingTicket[] {
  const visits = Object.values(board.visits);
  const waiting = visits
    .filter((v) => v.status === 'waiting')
    .map((v) => ({ v, queuedAt: v.queuedAt ?? v.statusSince }))
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.v.id.localeCompare(b.v.id));
  const minutes = estimateQueue({
    now,
    providers: Object.values(board.providers),
    roomsInService: Object.values(board.rooms).filter((r) => r.status !== 'out_of_service').length,
    inService: visits
      .filter((v) => v.status !== 'waiting')
      .map((v) => ({
        id: v.id,
        providerId: v.providerId,
        since: v.calledAt ?? v.statusSince,
        expectedMinutes: minutesPerPatient,
      })),
    waiting: waiting.map(({ v, queuedAt }) => ({
      id: v.id,
      providerId: v.providerId,
      queuedAt,
      notBefore: null,
      expectedMinutes: minutesPerPatient,
    })),
  });
  return waiting.map(({ v, queuedAt }) => ({
    id: v.id,
    label: v.label,
    waitingSince: queuedAt,
    estimatedMinutes: roundWait(minutes.get(v.id) ?? 0),
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
