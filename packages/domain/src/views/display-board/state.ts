import type { Clinic, DisplayPrivacy } from '../../clinic/clinic';
import type { Equipment } from '../../equipment/equipment';
import type { RoomStatus } from '../../rooms/room';
import type { Provider } from '../../scheduling/provider';
import type { VisitStatus } from '../../visits/visit';

/** Statuses a public screen shows: in the queue, being called, or in a room. */
export const displayedVisitStatuses = [
  'waiting',
  'called',
  'in_room',
  'with_provider',
] as const satisfies readonly VisitStatus[];
export type DisplayVisitStatus = (typeof displayedVisitStatuses)[number];

/** All a public screen may know of a visit. Deliberately no name, DOB, reason, or patient id. */
export type DisplayVisit = {
  id: string;
  label: string;
  status: DisplayVisitStatus;
  roomId: string | null;
  providerId: string | null;
  statusSince: string;
  queuedAt: string | null;
  /** When the patient was last called to a room, so a screen can list recent calls after they went in. */
  calledAt: string | null;
};

export type DisplayRoom = { id: string; name: string; status: RoomStatus; statusSince: string };

/** Equipment as a public screen sees it: what is broken in which room. */
export type DisplayEquipment = Pick<Equipment, 'id' | 'name' | 'roomId' | 'status'>;
export type DisplayProvider = Pick<Provider, 'id' | 'name' | 'delayMinutes'>;
export type DisplaySettings = Pick<Clinic, 'displayNotice' | 'roomThresholds'>;

export type DisplayEvent =
  | { type: 'DisplayVisitUpdated'; payload: { visit: DisplayVisit } }
  | { type: 'DisplayVisitRemoved'; payload: { id: string } }
  | { type: 'DisplayRoomUpdated'; payload: { room: DisplayRoom } }
  | { type: 'DisplayProviderUpdated'; payload: { provider: DisplayProvider } }
  | { type: 'DisplayEquipmentUpdated'; payload: { equipment: DisplayEquipment } }
  | { type: 'DisplaySettingsUpdated'; payload: DisplaySettings };

/** A public screen's picture of the clinic: only display projections, never patient data. */
export type DisplayBoard = {
  clinic: { name: string; timezone: string; displayPrivacy: DisplayPrivacy } & DisplaySettings;
  providers: Record<string, DisplayProvider>;
  rooms: Record<string, DisplayRoom>;
  visits: Record<string, DisplayVisit>;
  equipment: Record<string, DisplayEquipment>;
};
