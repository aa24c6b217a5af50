import type { DisplayPrivacy } from '../clinic';
import {
  projectEquipment,
  projectProvider,
  projectRoom,
  projectVisit,
  type DisplayEquipment,
  type DisplayEvent,
  type DisplayProvider,
  type DisplayRoom,
  type DisplaySettings,
  type DisplayVisit,
} from '../projection';
import type { FlowBoard } from './flow-board';
import { estimateWaits, roundWait } from '../wait';

/** A public screen's picture of the clinic: only display projections, never patient data. */
export type DisplayBoard = {
  clinic: { name: string; timezone: string; displayPrivacy: DisplayPrivacy } & DisplaySettings;
  providers: Record<string, DisplayProvider>;
  rooms: Record<string, DisplayRoom>;
  visits: Record<string, DisplayVisit>;
  equipment: Record<string, DisplayEquipment>;
};

export function applyDisplayEvent(board: DisplayBoard, event: DisplayEvent): DisplayBoard {
  switch (event.type) {
    case 'DisplayVisitUpdated':
      return { ...board, visits: { ...board.visits, [event.payload.visit.id]: event.payload.visit } };
    case 'DisplayVisitRemoved': {
      const { [event.payload.id]: _gone, ...visits } = board.visits;
      return { ...board, visits };
    }
    case 'DisplayRoomUpdated':
      return { ...board, rooms: { ...board.rooms, [event.payload.room.id]: event.payload.room } };
    case 'DisplayProviderUpdated':
      return {
        ...board,
        providers: { ...board.providers, [event.payload.provider.id]: event.payload.provider },
      };
    case 'DisplayEquipmentUpdated':
      return {
        ...board,
        equipment: { ...board.equipment, [event.payload.equipment.id]: event.payload.equipment },
      };
    case 'DisplaySettingsUpdated':
      return { ...board, clinic: { ...board.clinic, ...event.payload } };
  }
}

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
  const waiting = Object.values(board.visits)
    .filter((v) => v.status === 'waiting')
    .sort(
      (a, b) =>
        (a.queuedAt ?? a.statusSince).localeCompare(b.queuedAt ?? b.statusSince) || a.id.localeCompare(b.id),
    );
  const parallel = Object.values(board.rooms).filter((r) => r.status !== 'out_of_service').length;
  const waits = estimateWaits({
    queueLength: waiting.length,
    parallel: Math.min(parallel, Object.keys(board.providers).length || 1),
    minutesPerPatient,
  });
  return waiting.map((v, i) => ({
    id: v.id,
    label: v.label,
    waitingSince: v.queuedAt ?? v.statusSince,
    estimatedMinutes: roundWait(waits[i] ?? 0),
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
