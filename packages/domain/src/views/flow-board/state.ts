import type { Clinic } from '../../clinic/clinic';
import { clinicDayBounds } from '../../shared/time';
import type { Equipment } from '../../equipment/equipment';
import type { Alert } from '../../intake/alert';
import type { Room } from '../../rooms/room';
import type { RosterShift } from '../../roster/roster';
import type { AppointmentType } from '../../scheduling/appointment-type';
import type { Provider } from '../../scheduling/provider';
import type { Visit } from '../../visits/visit';

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
  /** What each kind of visit needs of a room, by type id (the room picker ranks rooms by it). */
  appointmentTypes: Record<string, AppointmentType>;
  /** The day's room sessions, by shift id: which rooms each provider holds when. */
  roomShifts: Record<string, RosterShift>;
};

export function emptyFlowBoard(input: {
  clinic: Clinic;
  day: string;
  providers: Provider[];
  rooms: Room[];
  equipment?: Equipment[];
  appointmentTypes?: AppointmentType[];
  roomShifts?: RosterShift[];
}): FlowBoard {
  return {
    clinic: input.clinic,
    day: input.day,
    providers: Object.fromEntries(input.providers.map((p) => [p.id, p])),
    rooms: Object.fromEntries(input.rooms.map((r) => [r.id, r])),
    visits: {},
    alerts: {},
    equipment: Object.fromEntries((input.equipment ?? []).map((e) => [e.id, e])),
    appointmentTypes: Object.fromEntries((input.appointmentTypes ?? []).map((t) => [t.id, t])),
    roomShifts: Object.fromEntries(
      (input.roomShifts ?? []).filter((s) => isRoomShiftOf(s, input.day, input.clinic)).map((s) => [s.id, s]),
    ),
  };
}

/** A room session touching this clinic-day: the board keeps those and no other shift. */
export function isRoomShiftOf(shift: RosterShift, day: string, clinic: Pick<Clinic, 'timezone'>): boolean {
  const { startsAt, endsAt } = clinicDayBounds(day, clinic.timezone);
  return (
    shift.kind === 'rooms' &&
    Date.parse(shift.startsAt) < Date.parse(endsAt) &&
    Date.parse(shift.endsAt) > Date.parse(startsAt)
  );
}
