import { describe, expect, it } from 'vitest';
import type { CalledTicket, DisplayBoard, DisplayVisit, RoomTile } from '@clinicflow/domain';
import {
  callsOnBoard,
  callsToAnnounce,
  delaysFor,
  filterRooms,
  filterWaiting,
  isTicket,
  overThreshold,
  pageAt,
  pageSlice,
  splitCalls,
  spokenLabel,
} from './board-logic';
import type { RoomFilter } from './display-config';

const t0 = Date.parse('2026-03-02T10:00:00Z');
const call = (id: string, secondsAgo: number): CalledTicket => ({
  id,
  label: `A-00${id}`,
  roomName: 'Room 1',
  calledAt: new Date(t0 - secondsAgo * 1000).toISOString(),
});

describe('splitCalls', () => {
  it('keeps a call in the banner for the banner time, then moves it to recently called', () => {
    const called = [call('1', 5), call('2', 40)];
    expect(splitCalls({ called, nowMs: t0, bannerMs: 25_000 })).toEqual({
      banner: [called[0]],
      recent: [called[1]],
    });
    expect(splitCalls({ called, nowMs: t0 + 21_000, bannerMs: 25_000 }).banner).toEqual([]);
  });
  it('bounds both lists', () => {
    const called = Array.from({ length: 12 }, (_, i) => call(String(i), i));
    const { banner, recent } = splitCalls({ called, nowMs: t0, bannerMs: 25_000 });
    expect(banner.map((c) => c.id)).toEqual(['0', '1']);
    expect(recent.map((c) => c.id)).toEqual(['2', '3', '4', '5', '6']);
  });
});

describe('callsToAnnounce', () => {
  it('announces nothing from the first picture', () => {
    const first = callsToAnnounce({ seen: null, called: [call('1', 1)], nowMs: t0, freshMs: 25_000 });
    expect(first.announce).toEqual([]);
    expect([...first.seen]).toHaveLength(1);
  });
  it('announces new fresh calls once, oldest first, and skips stale ones', () => {
    const seen = new Set<string>();
    const called = [call('3', 1), call('2', 3), call('1', 600)];
    const next = callsToAnnounce({ seen, called, nowMs: t0, freshMs: 25_000 });
    expect(next.announce.map((c) => c.id)).toEqual(['2', '3']);
    expect(callsToAnnounce({ seen: next.seen, called, nowMs: t0, freshMs: 25_000 }).announce).toEqual([]);
  });
  it('announces a patient called again', () => {
    const first = callsToAnnounce({ seen: new Set(), called: [call('1', 100)], nowMs: t0, freshMs: 25_000 });
    const again = callsToAnnounce({ seen: first.seen, called: [call('1', 1)], nowMs: t0, freshMs: 25_000 });
    expect(again.announce.map((c) => c.id)).toEqual(['1']);
  });
  it('forgets calls that are gone, so the set stays bounded', () => {
    const first = callsToAnnounce({ seen: new Set(), called: [call('1', 1)], nowMs: t0, freshMs: 25_000 });
    expect(callsToAnnounce({ seen: first.seen, called: [], nowMs: t0, freshMs: 25_000 }).seen.size).toBe(0);
  });
});

describe('pageAt', () => {
  it('has one page when everything fits', () => {
    expect(pageAt({ count: 7, perPage: 7, nowMs: t0, periodMs: 8000 })).toEqual({
      page: 0,
      pages: 1,
      perPage: 7,
    });
    expect(pageAt({ count: 0, perPage: 7, nowMs: t0, periodMs: 8000 })).toMatchObject({ page: 0, pages: 1 });
  });
  it('balances the pages', () => {
    expect(pageAt({ count: 8, perPage: 7, nowMs: 0, periodMs: 8000 })).toMatchObject({
      pages: 2,
      perPage: 4,
    });
    expect(pageAt({ count: 15, perPage: 7, nowMs: 0, periodMs: 8000 })).toMatchObject({
      pages: 3,
      perPage: 5,
    });
  });
  it('turns pages on the clock and wraps around', () => {
    const at = (ms: number) => pageAt({ count: 15, perPage: 7, nowMs: ms, periodMs: 8000 }).page;
    expect(pageAt({ count: 15, perPage: 7, nowMs: 0, periodMs: 8000 }).pages).toBe(3);
    expect([at(0), at(7999), at(8000), at(16_000), at(24_000)]).toEqual([0, 0, 1, 2, 0]);
  });
  it('slices a page', () => {
    expect(pageSlice([1, 2, 3, 4, 5], 1, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([5]);
  });
});

describe('filterRooms, callsOnBoard, filterWaiting, delaysFor', () => {
  const tile = (id: string, name: string): RoomTile => ({
    id,
    name,
    status: 'occupied',
    statusSince: new Date(t0).toISOString(),
    occupantLabel: null,
    providerName: null,
    equipmentOut: [],
    thresholdMinutes: null,
  });
  const at = (secondsAgo: number) => new Date(t0 - secondsAgo * 1000).toISOString();
  const visit = (o: Partial<DisplayVisit> & Pick<DisplayVisit, 'id' | 'status'>): DisplayVisit => ({
    label: `A-${o.id}`,
    roomId: null,
    providerId: null,
    statusSince: at(0),
    queuedAt: null,
    calledAt: null,
    ...o,
  });
  const board = {
    clinic: { name: 'C', timezone: 'UTC', displayPrivacy: 'ticket', displayNotice: null, roomThresholds: {} },
    providers: {
      p1: { id: 'p1', name: 'Dr. Feld', delayMinutes: 20 },
      p2: { id: 'p2', name: 'Dr. Achebe', delayMinutes: 0 },
      p3: { id: 'p3', name: 'Dr. Lee', delayMinutes: 10 },
    },
    rooms: {
      r1: { id: 'r1', name: 'Room 1', status: 'occupied', statusSince: at(0) },
      r2: { id: 'r2', name: 'Room 2', status: 'occupied', statusSince: at(0) },
      r3: { id: 'r3', name: 'Room 3', status: 'available', statusSince: at(0) },
    },
    visits: {
      v1: visit({ id: 'v1', status: 'in_room', roomId: 'r2', providerId: 'p1', calledAt: at(90) }),
      v2: visit({ id: 'v2', status: 'called', roomId: 'r1', providerId: 'p3', calledAt: at(5) }),
      v3: visit({ id: 'v3', status: 'waiting', providerId: 'p1', queuedAt: at(300) }),
      v4: visit({ id: 'v4', status: 'waiting', providerId: 'p3', queuedAt: at(200) }),
    },
    equipment: {},
  } as DisplayBoard;
  const none: RoomFilter = { ids: null, names: null, providerIds: null };
  const tiles = [tile('r1', 'Room 1'), tile('r2', 'Room 2'), tile('r3', 'Room 3')];
  it('keeps every room without a filter', () => {
    expect(filterRooms({ board, tiles, filter: none })).toHaveLength(3);
  });
  it('filters rooms by id, or by name ignoring case', () => {
    expect(filterRooms({ board, tiles, filter: { ...none, ids: ['r3', 'r1'] } }).map((r) => r.id)).toEqual([
      'r1',
      'r3',
    ]);
    const rooms = filterRooms({ board, tiles, filter: { ...none, names: ['room 1', 'Room 3'] } });
    expect(rooms.map((r) => r.id)).toEqual(['r1', 'r3']);
  });
  it('filters rooms by the providers whose patients are in them', () => {
    const rooms = filterRooms({ board, tiles, filter: { ...none, providerIds: ['p1'] } });
    expect(rooms.map((r) => r.id)).toEqual(['r2']);
  });
  it('lists calls newest first, keeping patients who already went in (by calledAt)', () => {
    const calls = callsOnBoard(board);
    expect(calls.map((c) => [c.id, c.roomName])).toEqual([
      ['v2', 'Room 1'],
      ['v1', 'Room 2'],
    ]);
    expect(calls[1]!.calledAt).toBe(at(90));
    const split = splitCalls({ called: calls, nowMs: t0, bannerMs: 25_000 });
    expect(split.banner.map((c) => c.id)).toEqual(['v2']);
    expect(split.recent.map((c) => c.id)).toEqual(['v1']);
  });
  it('lists only the calls, waiting tickets and delays a filtered display concerns', () => {
    expect(callsOnBoard(board, { ...none, ids: ['r2'] }).map((c) => c.id)).toEqual(['v1']);
    expect(callsOnBoard(board, { ...none, providerIds: ['p3'] }).map((c) => c.id)).toEqual(['v2']);
    const waiting = [{ id: 'v3' }, { id: 'v4' }];
    expect(filterWaiting(board, waiting, none)).toEqual(waiting);
    expect(filterWaiting(board, waiting, { ...none, providerIds: ['p3'] })).toEqual([{ id: 'v4' }]);
    expect(delaysFor(board, none)).toEqual([
      { id: 'p1', name: 'Dr. Feld', minutes: 20 },
      { id: 'p3', name: 'Dr. Lee', minutes: 10 },
    ]);
    expect(delaysFor(board, { ...none, providerIds: ['p3', 'p2'] }).map((d) => d.id)).toEqual(['p3']);
  });
});

describe('overThreshold', () => {
  it('flags a room at or past the threshold of its state', () => {
    expect(overThreshold({ minutes: 39, thresholdMinutes: 40 })).toBeNull();
    expect(overThreshold({ minutes: 40, thresholdMinutes: 40 })).toBe(40);
    expect(overThreshold({ minutes: 16, thresholdMinutes: 15 })).toBe(15);
  });
  it('never flags a state without a threshold', () => {
    expect(overThreshold({ minutes: 10_000, thresholdMinutes: null })).toBeNull();
  });
});

describe('spokenLabel', () => {
  it('spells a ticket character by character', () => {
    expect(spokenLabel('A-023')).toBe('A 0 2 3');
    expect(spokenLabel('b 7')).toBe('B 7');
    expect(isTicket('A-023')).toBe(true);
  });
  it('leaves a name alone', () => {
    expect(spokenLabel('Maria K.')).toBe('Maria K.');
    expect(isTicket('Maria K.')).toBe(false);
  });
});
