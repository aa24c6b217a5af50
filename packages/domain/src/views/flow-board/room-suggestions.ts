import type { Room } from '../../rooms/room';
import { roomsAssignedAt } from '../../roster/roster';
import type { AppointmentType } from '../../scheduling/appointment-type';
import type { Equipment } from '../../equipment/equipment';
import type { Visit } from '../../visits/visit';
import type { FlowBoard } from './state';

/** The room picker's lists: free rooms that suit the visit (the provider's own first), and the free rest. */
export type RoomSuggestions = {
  fitting: { room: Room; rostered: boolean }[];
  /** Free but lacking something the visit's type needs, said in a few words ("no ECG"); still callable. */
  unfit: { room: Room; lacks: string }[];
};

const shortNames: Record<string, string> = {
  ecg: 'ECG',
  exam_table: 'exam table',
  wheelchair: 'wheelchair access',
  sink: 'sink',
  procedure_light: 'procedure light',
};
const short = (s: string) => shortNames[s] ?? s.replace(/_/g, ' ');

/** What this room lacks for this type, in a few words each: missing features, then missing working equipment. */
export function roomLacks(input: {
  type: Pick<AppointmentType, 'roomFeatures' | 'equipmentKinds'>;
  room: Pick<Room, 'id' | 'features'>;
  equipment: readonly Pick<Equipment, 'roomId' | 'status' | 'kind'>[];
}): string[] {
  const { type, room } = input;
  const features = type.roomFeatures.filter((f) => !room.features.includes(f)).map((f) => `no ${short(f)}`);
  const kinds = type.equipmentKinds.flatMap((kind) => {
    const here = input.equipment.filter((e) => e.kind === kind && e.roomId === room.id);
    if (here.some((e) => e.status === 'in_service')) return [];
    return here.length ? [`${short(kind)} out of service`] : [`no ${short(kind)}`];
  });
  return [...features, ...kinds];
}

const byName = (a: { room: Room }, b: { room: Room }) =>
  a.room.name.localeCompare(b.room.name, undefined, { numeric: true });

/**
 * Where to call this visit's patient now: the free rooms that fit its appointment type, the rooms its provider
 * holds on the roster at `now` first (in the roster's order), then the other fitting ones, then the unfit ones.
 */
export function suggestRooms(input: {
  board: FlowBoard;
  visit: Pick<Visit, 'providerId' | 'appointmentTypeId'>;
  now: Date;
}): RoomSuggestions {
  const { board, visit } = input;
  const type = visit.appointmentTypeId ? board.appointmentTypes[visit.appointmentTypeId] : undefined;
  const staffId = visit.providerId ? board.providers[visit.providerId]?.staffId : null;
  const rostered = staffId ? roomsAssignedAt(Object.values(board.roomShifts), staffId, input.now) : [];
  const equipment = Object.values(board.equipment);
  const free = Object.values(board.rooms).filter((r) => r.status === 'available');
  const fitting: RoomSuggestions['fitting'] = [];
  const unfit: RoomSuggestions['unfit'] = [];
  for (const room of free) {
    const lacks = type ? roomLacks({ type, room, equipment }) : [];
    if (lacks.length) unfit.push({ room, lacks: lacks.join(', ') });
    else fitting.push({ room, rostered: rostered.includes(room.id) });
  }
  const rank = (r: { room: Room; rostered: boolean }) =>
    r.rostered ? rostered.indexOf(r.room.id) : Infinity;
  fitting.sort((a, b) => rank(a) - rank(b) || byName(a, b));
  unfit.sort(byName);
  return { fitting, unfit };
}
