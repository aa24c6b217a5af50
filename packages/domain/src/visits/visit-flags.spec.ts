import { describe, expect, it } from 'vitest';
import { at, iso, makeVisit } from '../testing/fixtures';
import { flagShows, isCheckInUnfinished, isNoShowDue, minutesOverThreshold } from './visit-flags';

describe('the server’s flags', () => {
  const booked = makeVisit({ status: 'booked', scheduledAt: iso(0) });

  it('suggest a no-show only for a booked patient past the grace, once', () => {
    expect(isNoShowDue(booked, at(44), 45)).toBe(false);
    expect(isNoShowDue(booked, at(45), 45)).toBe(true);
    expect(isNoShowDue({ ...booked, noShowDueSince: iso(45) }, at(60), 45)).toBe(false);
    expect(isNoShowDue({ ...booked, status: 'arrived' }, at(60), 45)).toBe(false);
    expect(isNoShowDue({ ...booked, scheduledAt: null }, at(60), 45)).toBe(false);
  });

  it('see a check-in left unfinished after the set minutes in `arrived`, once', () => {
    const arrived = makeVisit({ status: 'arrived', statusSince: iso(0), times: { arrived: iso(0) } });
    expect(isCheckInUnfinished(arrived, at(9), 10)).toBe(false);
    expect(isCheckInUnfinished(arrived, at(10), 10)).toBe(true);
    expect(isCheckInUnfinished({ ...arrived, checkInUnfinishedSince: iso(10) }, at(30), 10)).toBe(false);
    expect(isCheckInUnfinished({ ...arrived, status: 'waiting' }, at(30), 10)).toBe(false);
  });

  it('stop showing once the patient moved on', () => {
    expect(flagShows({ ...booked, lateSince: iso(15) }, 'late')).toBe(true);
    expect(flagShows({ ...booked, status: 'arrived', lateSince: iso(15) }, 'late')).toBe(false);
    expect(flagShows({ ...booked, noShowDueSince: iso(45) }, 'no_show_due')).toBe(true);
    const left = makeVisit({ status: 'arrived', checkInUnfinishedSince: iso(10) });
    expect(flagShows(left, 'check_in_unfinished')).toBe(true);
    expect(flagShows({ ...left, status: 'waiting' }, 'check_in_unfinished')).toBe(false);
  });
});

describe('time-in-status thresholds', () => {
  const waiting = makeVisit({ status: 'waiting', statusSince: iso(0) });
  it('say how far over the limit a visit is, from the limit on', () => {
    expect(minutesOverThreshold(waiting, { waiting: 20 }, at(19))).toBeNull();
    expect(minutesOverThreshold(waiting, { waiting: 20 }, at(20))).toBe(0);
    expect(minutesOverThreshold(waiting, { waiting: 20 }, at(33))).toBe(13);
    expect(minutesOverThreshold(waiting, { in_room: 5 }, at(90))).toBeNull();
  });
});
