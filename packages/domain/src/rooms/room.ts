import { ok, refuse, type Result } from '../shared/result';
import { actorClass, type Actor, type ActorClass } from '../shared/actor';

export const roomStatuses = ['available', 'occupied', 'needs_cleaning', 'out_of_service'] as const;
export type RoomStatus = (typeof roomStatuses)[number];

export type Room = {
  id: string;
  clinicId: string;
  name: string;
  status: RoomStatus;
  statusSince: string;
  /** The visit occupying the room (called or in it), if any. */
  visitId: string | null;
  /** What the room offers ('ecg', 'exam_table', 'wheelchair'): appointment types ask for some. */
  features: string[];
  version: number;
};

/** Room changes a person makes by hand; occupying and vacating follow the visit (see visit.ts). */
export const roomActions = {
  markCleaned: { from: ['needs_cleaning'], to: 'available' },
  takeOutOfService: { from: ['available', 'needs_cleaning'], to: 'out_of_service' },
  returnToService: { from: ['out_of_service'], to: 'available' },
} as const satisfies Record<string, { from: readonly RoomStatus[]; to: RoomStatus }>;
export type RoomAction = keyof typeof roomActions;
const roomActionNames = Object.keys(roomActions) as RoomAction[];

/** The hand-made changes a room in this status allows: screens offer these and no others. */
export function roomActionsFrom(status: RoomStatus): RoomAction[] {
  return roomActionNames.filter((a) => (roomActions[a].from as readonly RoomStatus[]).includes(status));
}

export const roomActors: readonly ActorClass[] = [
  'admin',
  'coordinator',
  'front_desk',
  'nurse',
  'physician',
  'system',
];

export function changeRoomStatus(input: {
  room: Room;
  action: RoomAction;
  actor: Actor;
  now: Date;
}): Result<Room> {
  const { room, action, actor, now } = input;
  const rule = roomActions[action];
  if (!roomActors.includes(actorClass(actor)))
    return refuse('NOT_ALLOWED', `You may not change room status.`);
  if (!(rule.from as readonly RoomStatus[]).includes(room.status)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `${room.name} is ${room.status.replace(/_/g, ' ')}; cannot ${describe(action)}.`,
    );
  }
  return ok({
    ...room,
    status: rule.to,
    statusSince: now.toISOString(),
    visitId: null,
    version: room.version + 1,
  });
}

function describe(action: RoomAction): string {
  return {
    markCleaned: 'mark it cleaned',
    takeOutOfService: 'take it out of service',
    returnToService: 'return it to service',
  }[action];
}

const whyNotFree: Record<Exclude<RoomStatus, 'available'>, string> = {
  occupied: 'was just taken',
  needs_cleaning: 'needs cleaning first',
  out_of_service: 'is out of service',
};

/** A refused call to a room that is not free, in words: what happened to it and which rooms are free now. */
export function roomUnavailableMessage(room: Room, rooms: readonly Room[]): string {
  const free = rooms
    .filter((r) => r.status === 'available')
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const why = room.status === 'available' ? 'is free again' : whyNotFree[room.status];
  return `${room.name} ${why}; ${free.length ? `free rooms: ${free.join(', ')}` : 'no room is free right now'}.`;
}
