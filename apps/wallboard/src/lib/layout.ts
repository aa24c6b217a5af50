import type { DeviceType } from '@clinicflow/domain';

export type Layout = 'waiting' | 'rooms' | 'both';

/** The paired display's type picks the layout; `?layout=` overrides it (testing, a screen set up by hand). */
export function layoutFor(deviceType: DeviceType | null, query: string | null): Layout {
  if (query === 'waiting' || query === 'rooms' || query === 'both') return query;
  if (deviceType === 'waiting_room_display') return 'waiting';
  if (deviceType === 'room_status_display') return 'rooms';
  return 'both';
}

/** Only displays may show the board; a kiosk token here is a pairing mistake. */
export const isDisplay = (type: DeviceType) =>
  type === 'waiting_room_display' || type === 'room_status_display';
