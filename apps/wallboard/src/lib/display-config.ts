import type { DeviceType, DisplayPrivacy, RoomStatus } from '@clinicflow/domain';
import { layoutFor, type Layout } from './layout';

/** Minutes a room may stay in a state before its tile is highlighted; null: never. */
export type RoomThresholds = Record<RoomStatus, number | null>;

export const defaultRoomThresholds: RoomThresholds = {
  available: null,
  occupied: 40,
  needs_cleaning: 15,
  out_of_service: null,
};

/** Which rooms a room-status display shows: by name (a wing) or by the provider seeing patients in them. */
export type RoomFilter = { names: string[] | null; providerId: string | null };

/**
 * Everything that makes one display behave differently from another. Today it is read from the URL; the console
 * will push it per paired device later, and the board takes it as a whole, so the source can change alone.
 */
export type DisplayConfig = {
  layout: Layout;
  /** Chime and spoken announcement on a new call. */
  sound: boolean;
  /** BCP 47 tag for speech and formatting. */
  language: string;
  /** null: the clinic's setting. Labels arrive already projected by the server (never hidden by the client). */
  privacy: DisplayPrivacy | null;
  rooms: RoomFilter;
  thresholds: RoomThresholds;
  /** A call stays in the "Now calling" banner this long. */
  bannerMs: number;
  /** Lists longer than a page turn to the next page this often. */
  pageMs: number;
};

export const defaultDisplayConfig: Omit<DisplayConfig, 'layout'> = {
  sound: true,
  language: 'en',
  privacy: null,
  rooms: { names: null, providerId: null },
  thresholds: defaultRoomThresholds,
  bannerMs: 25_000,
  pageMs: 8_000,
};

const off = new Set(['off', 'false', '0', 'no']);

/** The display's config from its device type and the URL (`?layout=`, `?sound=off`, `?rooms=`, `?provider=`). */
export function configFromQuery(deviceType: DeviceType | null, query: URLSearchParams): DisplayConfig {
  const sound = query.get('sound');
  const names = (query.get('rooms') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  const language = query.get('lang')?.trim();
  return {
    ...defaultDisplayConfig,
    layout: layoutFor(deviceType, query.get('layout')),
    sound: sound === null ? defaultDisplayConfig.sound : !off.has(sound.trim().toLowerCase()),
    language: language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : 'en',
    rooms: { names: names.length > 0 ? names : null, providerId: query.get('provider')?.trim() || null },
  };
}
