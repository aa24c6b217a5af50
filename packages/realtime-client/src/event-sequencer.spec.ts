import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@clinicflow/domain';
import { EventSequencer, clockOffsetMs } from './event-sequencer';

type Ev = { type: 'Add'; payload: { n: number } };
type St = { log: number[] };
const reduce = (s: St, e: EventEnvelope<Ev>): St => ({ log: [...s.log, e.payload.n] });
const ev = (seq: number, prev: number): EventEnvelope<Ev> => ({
  type: 'Add',
  payload: { n: seq },
  seq,
  prev,
  at: '2026-01-01T00:00:00Z',
});
const snapshot = (seq: number, log: number[] = []) => ({
  kind: 'snapshot' as const,
  state: { log },
  seq,
  serverTime: '2026-01-01T10:00:00Z',
});
const replay = (seq: number, events: EventEnvelope<Ev>[]) => ({
  kind: 'replay' as const,
  events,
  seq,
  serverTime: '2026-01-01T10:00:00Z',
});

const synced = (seq = 5) => {
  const s = new EventSequencer<St, Ev>(reduce);
  s.onSync(snapshot(seq));
  return s;
};

describe('EventSequencer', () => {
  it('applies a snapshot, then live events in order', () => {
    const s = synced(5);
    expect(s.lastSeq).toBe(5);
    expect(s.onEvent(ev(6, 5))).toEqual({ changed: true, resume: null });
    s.onEvent(ev(7, 6));
    expect(s.state).toEqual({ log: [6, 7] });
    expect(s.lastSeq).toBe(7);
  });

  it('drops duplicates', () => {
    const s = synced(5);
    s.onEvent(ev(6, 5));
    expect(s.onEvent(ev(6, 5))).toEqual({ changed: false, resume: null });
    expect(s.onEvent(ev(4, 3)).changed).toBe(false);
    expect(s.state).toEqual({ log: [6] });
  });

  it('detects a gap, asks to resume once, and buffers until the next sync', () => {
    const s = synced(5);
    expect(s.onEvent(ev(8, 7))).toEqual({ changed: false, resume: { lastSeq: 5 } });
    expect(s.awaitingSync).toBe(true);
    expect(s.onEvent(ev(9, 8))).toEqual({ changed: false, resume: null });
    const out = s.onSync(replay(7, [ev(6, 5), ev(7, 6)]));
    expect(out).toEqual({ changed: true, resume: null });
    expect(s.state).toEqual({ log: [6, 7, 8, 9] });
    expect(s.lastSeq).toBe(9);
  });

  it('buffers events that arrive before the first sync and drops those the snapshot covers', () => {
    const s = new EventSequencer<St, Ev>(reduce);
    expect(s.onEvent(ev(11, 10)).changed).toBe(false);
    s.onEvent(ev(10, 9));
    s.onEvent(ev(12, 11));
    expect(s.state).toBeNull();
    s.onSync(snapshot(10, [1]));
    expect(s.state).toEqual({ log: [1, 11, 12] });
    expect(s.lastSeq).toBe(12);
    expect(s.buffered).toBe(0);
  });

  it('skips replayed events at or below lastSeq', () => {
    const s = synced(5);
    s.onEvent(ev(6, 5));
    s.onDisconnect();
    s.onSync(replay(8, [ev(5, 4), ev(6, 5), ev(7, 6), ev(8, 7)]));
    expect(s.state).toEqual({ log: [6, 7, 8] });
    expect(s.lastSeq).toBe(8);
  });

  it('accepts an event whose prev is below a snapshot seq the scope never saw as an event', () => {
    const s = synced(10); // display snapshot at the clinic head; the last display event was 7
    expect(s.onEvent(ev(12, 7))).toEqual({ changed: true, resume: null });
    expect(s.lastSeq).toBe(12);
  });

  it('a replay with no events moves lastSeq to its seq', () => {
    const s = synced(5);
    s.onDisconnect();
    s.onSync(replay(9, []));
    expect(s.lastSeq).toBe(9);
    expect(s.onEvent(ev(10, 9)).changed).toBe(true);
  });

  it('a replay without a base state asks for a snapshot', () => {
    const s = new EventSequencer<St, Ev>(reduce);
    expect(s.onSync(replay(3, [ev(3, 2)]))).toEqual({ changed: false, resume: { lastSeq: null } });
    expect(s.state).toBeNull();
  });

  it('a gap among buffered events asks to resume after the sync', () => {
    const s = new EventSequencer<St, Ev>(reduce);
    s.onEvent(ev(6, 5));
    s.onEvent(ev(9, 8));
    const out = s.onSync(snapshot(5));
    expect(out).toEqual({ changed: true, resume: { lastSeq: 6 } });
    expect(s.state).toEqual({ log: [6] });
    expect(s.buffered).toBe(1);
    s.onSync(replay(8, [ev(7, 6), ev(8, 7)]));
    expect(s.state).toEqual({ log: [6, 7, 8, 9] });
  });

  it('a disconnect discards buffered events; the next sync covers them', () => {
    const s = synced(5);
    s.onEvent(ev(8, 7));
    s.onDisconnect();
    expect(s.buffered).toBe(0);
    s.onEvent(ev(9, 8)); // arrives after reconnecting, before the sync
    s.onSync(replay(8, [ev(6, 5), ev(7, 6), ev(8, 7)]));
    expect(s.state).toEqual({ log: [6, 7, 8, 9] });
  });
});

describe('EventSequencer.drainApplied', () => {
  const seqs = (s: EventSequencer<St, Ev>) => s.drainApplied().map((e) => e.seq);

  it('hands each applied event once, in order: live, replayed and buffered alike', () => {
    const s = new EventSequencer<St, Ev>(reduce);
    s.onEvent(ev(7, 6)); // buffered until the sync
    expect(seqs(s)).toEqual([]);
    s.onSync(snapshot(5));
    expect(seqs(s)).toEqual([]); // 7 waits behind the gap (6 missing)
    s.onSync(replay(6, [ev(6, 5)]));
    expect(seqs(s)).toEqual([6, 7]);
    s.onEvent(ev(8, 7));
    s.onEvent(ev(8, 7)); // a duplicate is not applied, so not handed
    s.onEvent(ev(9, 8));
    expect(seqs(s)).toEqual([8, 9]);
    expect(seqs(s)).toEqual([]);
  });

  it('a snapshot applies no event; one behind a gap is handed only once the gap is filled', () => {
    const s = synced(5);
    s.onEvent(ev(9, 8));
    expect(seqs(s)).toEqual([]);
    s.onSync(snapshot(9, [9]));
    expect(seqs(s)).toEqual([]);
    s.onEvent(ev(10, 9));
    expect(seqs(s)).toEqual([10]);
  });
});

describe('clockOffsetMs', () => {
  it('is server minus local', () => {
    expect(clockOffsetMs('2026-01-01T10:00:05.000Z', Date.parse('2026-01-01T10:00:00.000Z'))).toBe(5000);
    expect(clockOffsetMs('garbage', 0)).toBe(0);
  });
});
