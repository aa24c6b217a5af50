import {
  defaultDisplayConfig as serverDefaults,
  languages,
  type DeviceType,
  type DisplayConfig as ServerDisplayConfig,
  type Language,
} from '@clinicflow/domain';
import { layoutFor, type Layout } from './layout';

/**
 * Which rooms a display shows: by id or name (a wing) and by the providers seeing patients in them. Each null
 * means "no restriction"; set ones all apply.
 */
export type RoomFilter = { ids: string[] | null; names: string[] | null; providerIds: string[] | null };

/**
 * Everything that makes one display behave differently from another: the console's per-device settings (pushed
 * live as `displayConfig`), with URL overrides on top for testing. Privacy is not here: the server labels every
 * ticket for this screen before it is sent, so the client can never show more than it was given.
 */
export type DisplayConfig = {
  layout: Layout;
  /** Chime and spoken announcement on a new call. */
  sound: boolean;
  /** The screen's language: messages, times, and the speech voice. */
  language: Language;
  rooms: RoomFilter;
  /** A call stays in the "Now calling" banner this long. */
  bannerMs: number;
  /** Lists longer than a page turn to the next page this often. */
  pageMs: number;
};

const timing = { bannerMs: 25_000, pageMs: 8_000 } as const;

const off = new Set(['off', 'false', '0', 'no']);
const on = new Set(['on', 'true', '1', 'yes']);
const list = (value: string | null) => {
  const items = (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return items.length > 0 ? items : null;
};

/** "es-MX" → "es"; anything the wallboard has no catalog for → null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const base = tag?.trim().toLowerCase().split('-')[0];
  return base && (languages as readonly string[]).includes(base) ? (base as Language) : null;
}

/**
 * The display's config: the server's settings for this device (or the device type's defaults until they
 * arrive), then the URL's overrides (`?layout=`, `?sound=off`, `?lang=es`, `?rooms=Room 1,Room 2`,
 * `?provider=<id>,<id>`).
 */
export function resolveConfig(input: {
  deviceType: DeviceType | null;
  server: ServerDisplayConfig | null;
  query: URLSearchParams;
}): DisplayConfig {
  const { deviceType, query } = input;
  const base =
    input.server ??
    serverDefaults(deviceType === 'room_status_display' ? deviceType : 'waiting_room_display');
  const layoutQuery = query.get('layout');
  const sound = query.get('sound')?.trim().toLowerCase() ?? null;
  const names = list(query.get('rooms'));
  const providers = list(query.get('provider'));
  return {
    ...timing,
    layout: input.server
      ? layoutFor(deviceType, layoutQuery ?? base.layout)
      : layoutFor(deviceType, layoutQuery),
    sound: sound !== null && off.has(sound) ? false : sound !== null && on.has(sound) ? true : base.sound,
    language: languageOf(query.get('lang')) ?? base.language,
    rooms: {
      // A wing by name in the URL replaces the console's rooms (a test screen set up by hand).
      ids: names ? null : base.roomIds,
      names,
      providerIds: providers ?? base.providerIds,
    },
  };
}
