import type { CalledTicket, DisplayBoard, RoomStatus, RoomTile } from '@clinicflow/domain';
import type { RoomFilter, RoomThresholds } from './display-config';

/** The calls still in the banner (newest first, at most `bannerMax`) and the ones that moved to "recently called". */
export function splitCalls(input: {
  called: readonly CalledTicket[];
  nowMs: number;
  bannerMs: number;
  bannerMax?: number;
  recentMax?: number;
}): { banner: CalledTicket[]; recent: CalledTicket[] } {
  const { called, nowMs, bannerMs, bannerMax = 2, recentMax = 5 } = input;
  const fresh = called.filter((c) => nowMs - Date.parse(c.calledAt) < bannerMs);
  const banner = fresh.slice(0, bannerMax);
  const inBanner = new Set(banner.map((c) => c.id));
  return { banner, recent: called.filter((c) => !inBanner.has(c.id)).slice(0, recentMax) };
}

/** A stable key per call: a patient sent back and called again is a new call. */
export const callKey = (c: CalledTicket) => `${c.id}@${c.calledAt}`;

/**
 * The calls to announce: not seen before and still fresh (a display coming back online does not read out calls
 * that are long over). The caller replaces its seen set with `seen`, so it never grows beyond the current calls.
 */
export function callsToAnnounce(input: {
  seen: ReadonlySet<string> | null;
  called: readonly CalledTicket[];
  nowMs: number;
  freshMs: number;
}): { announce: CalledTicket[]; seen: Set<string> } {
  const seen = new Set(input.called.map(callKey));
  // The first picture after the page opens: everything in it is old news.
  if (input.seen === null) return { announce: [], seen };
  const announce = input.called
    .filter((c) => !input.seen!.has(callKey(c)) && input.nowMs - Date.parse(c.calledAt) < input.freshMs)
    .reverse(); // oldest first, in the order they were called
  return { announce, seen };
}

/**
 * Which page is on screen: turns every `periodMs` on the (server) clock, so displays side by side agree. Pages
 * are balanced (8 rows on 7-row pages: 4 + 4, not 7 + 1), so no page looks nearly empty.
 */
export function pageAt(input: { count: number; perPage: number; nowMs: number; periodMs: number }): {
  page: number;
  pages: number;
  perPage: number;
} {
  const pages = Math.max(1, Math.ceil(input.count / Math.max(1, input.perPage)));
  const perPage = Math.max(1, Math.ceil(input.count / pages));
  return { page: pages === 1 ? 0 : Math.floor(input.nowMs / input.periodMs) % pages, pages, perPage };
}

export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice(page * perPage, page * perPage + perPage);
}

/** A room with the provider whose patient is in it (or called to it), for the provider filter. */
export type FilterableTile = RoomTile & { providerId: string | null };

export function filterRooms(input: {
  board: DisplayBoard;
  tiles: readonly RoomTile[];
  filter: RoomFilter;
}): FilterableTile[] {
  const { board, tiles, filter } = input;
  const providerByRoom = new Map<string, string>();
  for (const v of Object.values(board.visits))
    if (v.roomId && v.providerId && v.status !== 'waiting') providerByRoom.set(v.roomId, v.providerId);
  const names = filter.names ? new Set(filter.names.map((n) => n.toLowerCase())) : null;
  return tiles
    .map((t) => ({ ...t, providerId: providerByRoom.get(t.id) ?? null }))
    .filter((t) => !names || names.has(t.name.toLowerCase()))
    .filter((t) => !filter.providerId || t.providerId === filter.providerId);
}

/** The threshold a room has passed, in minutes, or null while it is within it (or its state has none). */
export function overThreshold(input: {
  status: RoomStatus;
  minutes: number;
  thresholds: RoomThresholds;
}): number | null {
  const limit = input.thresholds[input.status];
  return limit !== null && input.minutes >= limit ? limit : null;
}

/** "A-023" → "A 0 2 3": a speech engine reads "023" as "twenty-three" and "A-" as a word. */
export function spokenLabel(label: string): string {
  const ticket = /^([A-Za-z]+)[-\s]?(\d+)$/.exec(label.trim());
  if (!ticket) return label.trim();
  return [...ticket[1]!.toUpperCase(), ...ticket[2]!].join(' ');
}

export const isTicket = (label: string) => /^[A-Za-z]+[-\s]?\d+$/.test(label.trim());
