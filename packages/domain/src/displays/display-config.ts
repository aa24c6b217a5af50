import type { DisplayPrivacy } from '../clinic/clinic';
import type { Language } from '../intake/questionnaire';
import type { RoomStatus } from '../rooms/room';
import type { DeviceType } from '../shared/actor';

export const displayLayouts = ['waiting', 'rooms', 'both'] as const;
export type DisplayLayout = (typeof displayLayouts)[number];

/** How one paired wallboard shows the clinic; set from the console, applied live. */
export type DisplayConfig = {
  layout: DisplayLayout;
  language: Language;
  /** What this screen may show of a patient; never more than the clinic allows. */
  privacy: DisplayPrivacy;
  sound: boolean;
  /** Show only these rooms (a wing) or these providers' rooms; null for all. */
  roomIds: string[] | null;
  providerIds: string[] | null;
};

export function defaultDisplayConfig(type: DeviceType): DisplayConfig {
  return {
    layout: type === 'room_status_display' ? 'rooms' : 'waiting',
    language: 'en',
    privacy: 'ticket',
    sound: type === 'waiting_room_display',
    roomIds: null,
    providerIds: null,
  };
}

/** A screen shows first names only when both the clinic and that screen's setting allow it. */
export function effectivePrivacy(clinicAllows: DisplayPrivacy, chosen: DisplayPrivacy): DisplayPrivacy {
  return clinicAllows === 'first_name_initial' && chosen === 'first_name_initial'
    ? 'first_name_initial'
    : 'ticket';
}

/** Minutes in a state after which a room tile is highlighted; a state without one is never highlighted. */
export type RoomThresholds = Partial<Record<RoomStatus, number>>;
export const defaultRoomThresholds: RoomThresholds = { occupied: 40, needs_cleaning: 15 };
