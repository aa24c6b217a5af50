import type { CalledTicket, DisplayBoard, RoomTile } from '@clinicflow/domain';
import type { RoomFilter } from './display-config';

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

const roomProviders = (board: DisplayBoard) => {
  const providerByRoom = new Map<string, string>();
  for (const v of Object.values(board.visits))
    if (v.roomId && v.providerId && v.status !== 'waiting') providerByRoom.set(v.roomId, v.providerId);
  return providerByRoom;
};

/** The rooms this display shows: every restriction in the filter applies (ids, names, providers). */
export function filterRooms(input: {
  board: DisplayBoard;
  tiles: readonly RoomTile[];
  filter: RoomFilter;
}): FilterableTile[] {
  const { board, tiles, filter } = input;
  const providerByRoom = roomProviders(board);
  const ids = filter.ids ? new Set(filter.ids) : null;
  const names = filter.names ? new Set(filter.names.map((n) => n.toLowerCase())) : null;
  const providers = filter.providerIds ? new Set(filter.providerIds) : null;
  return tiles
    .map((t) => ({ ...t, providerId: providerByRoom.get(t.id) ?? null }))
    .filter((t) => !ids || ids.has(t.id))
    .filter((t) => !names || names.has(t.name.toLowerCase()))
    .filter((t) => !providers || (t.providerId !== null && providers.has(t.providerId)));
}

/**
 * Every call still on the board, newest first: patients called and not yet in (status `called`) and those who
 * went in since (they keep their `calledAt`), so "recently called" does not empty the moment someone walks in.
 * A waiting-room display for a wing or for some providers lists only the calls that concern it.
 */
export function callsOnBoard(board: DisplayBoard, filter?: RoomFilter): CalledTicket[] {
  const ids = filter?.ids ? new Set(filter.ids) : null;
  const names = filter?.names ? new Set(filter.names.map((n) => n.toLowerCase())) : null;
  const providers = filter?.providerIds ? new Set(filter.providerIds) : null;
  return Object.values(board.visits)
    .filter((v) => v.status !== 'waiting' && v.calledAt !== null && v.roomId !== null)
    .filter((v) => !ids || ids.has(v.roomId!))
    .filter((v) => !names || names.has((board.rooms[v.roomId!]?.name ?? '').toLowerCase()))
    .filter((v) => !providers || (v.providerId !== null && providers.has(v.providerId)))
    .sort((a, b) => b.calledAt!.localeCompare(a.calledAt!) || a.id.localeCompare(b.id))
    .map((v) => ({
      id: v.id,
      label: v.label,
      roomName: board.rooms[v.roomId!]?.name ?? '',
      calledAt: v.calledAt!,
    }));
}

/** Waiting tickets for this display: all of them, or only those of the providers it is set to. */
export function filterWaiting<T extends { id: string }>(
  board: DisplayBoard,
  waiting: readonly T[],
  filter: RoomFilter,
): T[] {
  if (!filter.providerIds) return [...waiting];
  const providers = new Set(filter.providerIds);
  return waiting.filter((w) => {
    const providerId = board.visits[w.id]?.providerId;
    return providerId != null && providers.has(providerId);
  });
}

/**
 * "Dr. Feld is running about 20 minutes late": every provider the desk marked late (as `providerDelays` in the
 * domain), or only the providers this display is set to.
 */
export function delaysFor(
  board: DisplayBoard,
  filter: RoomFilter,
): { id: string; name: string; minutes: number }[] {
  const providers = filter.providerIds ? new Set(filter.providerIds) : null;
  return Object.values(board.providers)
    .filter((p) => p.delayMinutes > 0 && (!providers || providers.has(p.id)))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, name: p.name, minutes: p.delayMinutes }));
}

/** The threshold a room has passed, in minutes, or null while it is within it (or its state has none). */
export function overThreshold(input: { minutes: number; thresholdMinutes: number | null }): number | null {
  const limit = input.thresholdMinutes;
  return limit !== null && input.minutes >= limit ? limit : null;
}

/** "A-023" → "A 0 2 3": a speech engine reads "023" as "twenty-three" and "A-" as a word. */
export function spokenLabel(label: string): string {
  const ticket = /^([A-Za-z]+)[-\s]?(\d+)$/.exec(label.trim());
  if (!ticket) return label.trim();
  return [...ticket[1]!.toUpperCase(), ...ticket[2]!].join(' ');
}

export const isTicket = (label: string) => /^[A-Za-z]+[-\s]?\d+$/.test(label.trim());
