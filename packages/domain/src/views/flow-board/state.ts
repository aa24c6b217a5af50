import type { Clinic } from '../../clinic/clinic';
import type { Equipment } from '../../equipment/equipment';
import type { Alert } from '../../intake/alert';
import type { Room } from '../../rooms/room';
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
