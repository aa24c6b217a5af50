import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  emptyWaitStats,
  estimateQueue,
  expectedMinutes,
  learnWaitStats,
  visitKind,
  type DurationSample,
  type QueueInput,
  type WaitingPatient,
} from './wait-model';

const t0 = Date.parse('2026-03-02T14:00:00Z');
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
const now = new Date(t0);
const waiting = (id: string, o: Partial<WaitingPatient> = {}): WaitingPatient => ({
  id,
  providerId: 'lee',
  queuedAt: at(-30 + Number(id.replace(/\D/g, '') || 0)),
  notBefore: null,
  expectedMinutes: 10,
  ...o,
});
const lee = { id: 'lee', delayMinutes: 0 };
const feld = { id: 'feld', delayMinutes: 0 };
const run = (o: Partial<QueueInput>) =>
  Object.fromEntries(
    estimateQueue({ now, providers: [lee], roomsInService: 3, inService: [], waiting: [], ...o }),
  );

describe('estimateQueue', () => {
  it('walks one provider’s queue: each waits for the ones before', () => {
    expect(run({ waiting: [waiting('w1'), waiting('w2'), waiting('w3', { expectedMinutes: 20 })] })).toEqual({
      w1: 0,
      w2: 10,
      w3: 20,
    });
  });

  it('counts what the patient in the room has left, and a little more once they are past the expected time', () => {
    const inRoom = (since: number) => [{ id: 'r', providerId: 'lee', since: at(since), expectedMinutes: 10 }];
    expect(run({ inService: inRoom(-6), waiting: [waiting('w1')] })).toEqual({ w1: 4 });
    expect(run({ inService: inRoom(-25), waiting: [waiting('w1')] })).toEqual({ w1: 3 });
  });

  it('calls a booked patient no earlier than their appointment plus the announced delay', () => {
    const w = [waiting('w1', { notBefore: at(20) }), waiting('w2')];
    expect(run({ waiting: w })).toEqual({ w1: 20, w2: 0 });
    expect(run({ providers: [{ id: 'lee', delayMinutes: 15 }], waiting: w })).toEqual({ w1: 35, w2: 0 });
    expect(run({ earlyCallMinutes: 5, waiting: w })).toEqual({ w1: 15, w2: 0 });
  });

  it('sends a walk-in to whichever provider is free first', () => {
    const inService = [{ id: 'r', providerId: 'lee', since: at(-2), expectedMinutes: 12 }];
    expect(
      run({
        providers: [lee, feld],
        inService,
        waiting: [waiting('w1', { providerId: null }), waiting('w2')],
      }),
    ).toEqual({ w1: 0, w2: 10 });
  });

  it('waits for a room when there are fewer rooms than providers', () => {
    const w = [waiting('w1'), waiting('w2', { providerId: 'feld' }), waiting('w3', { providerId: 'feld' })];
    expect(run({ providers: [lee, feld], roomsInService: 1, waiting: w })).toEqual({ w1: 0, w2: 10, w3: 20 });
    expect(run({ providers: [lee, feld], roomsInService: 2, waiting: w })).toEqual({ w1: 0, w2: 0, w3: 10 });
  });

  it('a provider who keeps two rooms going takes the next patient while one is still in', () => {
    const w = [waiting('w1'), waiting('w2'), waiting('w3')];
    expect(run({ parallel: { lee: 2 }, waiting: w })).toEqual({ w1: 0, w2: 0, w3: 10 });
  });

  it('without providers on the board, rooms alone set the pace', () => {
    const w = [waiting('w1', { providerId: null }), waiting('w2', { providerId: null })];
    expect(run({ providers: [], roomsInService: 1, waiting: w })).toEqual({ w1: 0, w2: 10 });
  });

  const minutes = fc.integer({ min: 1, max: 60 });
  const queue = fc.array(minutes, { maxLength: 12 });
  const rooms = fc.array(fc.record({ since: fc.integer({ min: -90, max: 0 }), expected: minutes }), {
    maxLength: 3,
  });
  const inputOf = (
    q: number[],
    r: { since: number; expected: number }[],
    delay: number,
    parallel: number,
  ) => ({
    now,
    providers: [{ id: 'lee', delayMinutes: delay }],
    roomsInService: 3,
    parallel: { lee: parallel },
    inService: r.map((x, i) => ({
      id: `r${i}`,
      providerId: 'lee',
      since: at(x.since),
      expectedMinutes: x.expected,
    })),
    waiting: q.map((m, i) => waiting(`w${i}`, { queuedAt: at(-60 + i), expectedMinutes: m })),
  });

  it('for one provider: never negative, and nobody further back is called sooner', () =>
    fc.assert(
      fc.property(
        queue,
        rooms,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        (q, r, d, p) => {
          const est = estimateQueue(inputOf(q, r, d, p));
          const inOrder = q.map((_, i) => est.get(`w${i}`)!);
          for (const [i, m] of inOrder.entries()) {
            expect(m).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(m).toBeGreaterThanOrEqual(inOrder[i - 1]!);
          }
        },
      ),
    ));

  it('a longer visit ahead never makes anyone’s wait shorter', () =>
    fc.assert(
      fc.property(queue, fc.nat(11), minutes, (q, k, extra) => {
        fc.pre(k < q.length);
        const longer = q.map((m, i) => (i === k ? m + extra : m));
        const a = estimateQueue(inputOf(q, [], 0, 1));
        const b = estimateQueue(inputOf(longer, [], 0, 1));
        for (const [id, m] of a) expect(b.get(id)!).toBeGreaterThanOrEqual(m);
      }),
    ));
});

describe('learnWaitStats and expectedMinutes', () => {
  const sample = (
    kind: string | null,
    start: number,
    minutes: number,
    providerId = 'lee',
  ): DurationSample => ({
    kind,
    providerId,
    start: at(start),
    end: at(start + minutes),
  });

  it('learns the median in-room time per kind, ignoring visits left open or closed at once', () => {
    const stats = learnWaitStats([
      ...[8, 10, 12, 9, 11].map((m, i) => sample('flu shot', i * 100, m)),
      ...[30, 40, 35].map((m, i) => sample('annual physical', 1000 + i * 100, m)),
      sample('flu shot', 5000, 600),
      sample('flu shot', 6000, 0.2),
    ]);
    expect(stats.kinds['flu shot']).toEqual({ minutes: 10, samples: 5 });
    expect(stats.kinds['annual physical']).toEqual({ minutes: 35, samples: 3 });
    expect(stats.all).toEqual({ minutes: 11.5, samples: 8 });
  });

  it('falls back from the learned kind to its default, then the clinic’s median, then the global default', () => {
    const stats = learnWaitStats([
      ...[8, 10, 12, 9, 11].map((m, i) => sample('flu shot', i * 100, m)),
      ...[30, 40, 35].map((m, i) => sample('annual physical', 1000 + i * 100, m)),
    ]);
    expect(expectedMinutes(stats, 'flu shot')).toBe(10);
    expect(expectedMinutes(stats, 'annual physical', { kinds: { 'annual physical': 30 } })).toBe(30);
    expect(expectedMinutes(stats, 'annual physical')).toBe(11.5);
    expect(expectedMinutes(emptyWaitStats, 'rash')).toBe(15);
    expect(expectedMinutes(emptyWaitStats, null, { minutes: 20 })).toBe(20);
  });

  it('learns how many patients a provider keeps in rooms at once', () => {
    const twoRooms = [0, 5, 20, 25, 40, 45].map((s) => sample('x', s, 18, 'lee'));
    const oneRoom = [0, 20, 40].map((s) => sample('x', s, 18, 'feld'));
    expect(learnWaitStats([...twoRooms, ...oneRoom]).parallel).toEqual({ lee: 2, feld: 1 });
  });

  it('learns how early the clinic calls a patient who is there before their time', () => {
    const called = (early: number, i: number) => ({
      ...sample('x', i * 100, 10),
      scheduledAt: at(i * 100 + early),
      calledAt: at(i * 100),
    });
    const stats = learnWaitStats([1, 2, 3, 4, 5, 5, 5, 5, 5, 4, -10, -3].map(called));
    expect(stats.earlyCallMinutes).toBe(5);
    expect(learnWaitStats([called(4, 0)]).earlyCallMinutes).toBe(0);
  });

  it('keys kinds by the reason, case and spaces aside', () => {
    expect(visitKind({ reason: '  Flu Shot ' })).toBe('flu shot');
    expect(visitKind({ reason: null })).toBeNull();
  });
});
