import { describe, expect, it } from 'vitest';
import { visitIntervals, visitTimeline } from './document';

const times = {
  checked_out: '2030-01-07T15:40:00Z',
  arrived: '2030-01-07T14:55:00Z',
  waiting: '2030-01-07T14:58:00Z',
  in_room: '2030-01-07T15:12:00Z',
  with_provider: '2030-01-07T15:20:00Z',
};

describe('a visit summary', () => {
  it('lists the status history oldest first', () =>
    expect(visitTimeline(times).map((e) => e.status)).toEqual([
      'arrived',
      'waiting',
      'in_room',
      'with_provider',
      'checked_out',
    ]));

  it('states the waits in minutes, early arrival as negative lateness', () =>
    expect(visitIntervals({ scheduledAt: '2030-01-07T15:00:00Z', times })).toEqual({
      lateness: -5,
      wait: 17,
      doorToProvider: 25,
      withProvider: 20,
      cycle: 45,
    }));

  it('leaves out what has not happened yet', () =>
    expect(visitIntervals({ scheduledAt: null, times: { arrived: '2030-01-07T14:55:00Z' } })).toEqual({
      lateness: null,
      wait: null,
      doorToProvider: null,
      withProvider: null,
      cycle: null,
    }));
});
