import { describe, it, expect } from 'vitest';
import { isLate, transitionVisit } from './visit';
import type { Room } from '../rooms/room';
import { actorOf, at, iso, makeRoom, makeVisit } from '../testing/fixtures';

describe('a patient sent back to the waiting room', () => {
  it('keeps their place in line: the time they first joined the queue is kept', () => {
    const desk = actorOf('coordinator');
    const room = makeRoom({ id: 'r1' });
    const waiting = makeVisit({ status: 'waiting', statusSince: iso(0), times: { waiting: iso(0) } });
    const called = transitionVisit({ visit: waiting, action: 'call', actor: desk, now: at(20), room });
    if (!called.ok) throw new Error(called.message);
    const back = transitionVisit({
      visit: called.value.visit,
      action: 'returnToWaiting',
      actor: desk,
      now: at(25),
      room: called.value.room,
    });
    if (!back.ok) throw new Error(back.message);
    expect(back.value.visit.times.waiting).toBe(iso(0));
    expect(back.value.visit.statusSince).toBe(iso(25));
  });
});

describe('a patient called a second time', () => {
  it('records the latest call, while the queue time stays the first', () => {
    const desk = actorOf('coordinator');
    let visit = makeVisit({ status: 'waiting', statusSince: iso(0), times: { waiting: iso(0) } });
    let room: Room | null = makeRoom({ id: 'r1' });
    for (const [action, minute] of [
      ['call', 10],
      ['returnToWaiting', 12],
      ['call', 30],
      ['enterRoom', 32],
    ] as const) {
      const next = transitionVisit({ visit, action, actor: desk, now: at(minute), room });
      if (!next.ok) throw new Error(next.message);
      visit = next.value.visit;
      room = next.value.room ?? room;
    }
    expect(visit.times.called).toBe(iso(30));
    expect(visit.times.waiting).toBe(iso(0));
  });
});

describe('a booked patient who has not come', () => {
  const scheduled = makeVisit({ status: 'booked', scheduledAt: iso(0) });
  it('is late once the grace period has passed, not before, and only once', () => {
    expect(isLate(scheduled, at(14), 15)).toBe(false);
    expect(isLate(scheduled, at(15), 15)).toBe(true);
    expect(isLate({ ...scheduled, lateSince: iso(15) }, at(30), 15)).toBe(false);
  });
  it('is never late once arrived, nor without an appointment time', () => {
    expect(isLate({ ...scheduled, status: 'arrived' }, at(60), 15)).toBe(false);
    expect(isLate({ ...scheduled, scheduledAt: null }, at(60), 15)).toBe(false);
  });
});
