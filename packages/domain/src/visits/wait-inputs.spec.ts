import { describe, it, expect } from 'vitest';
import { iso } from '../testing/fixtures';
import { clinicWaits, historySamples, type FlowVisit } from './wait-inputs';
import { learnWaitStats } from './wait-model';

const visit = (o: Partial<FlowVisit> & { id: string }): FlowVisit => ({
  status: 'waiting',
  providerId: 'lee',
  scheduledAt: null,
  statusSince: iso(0),
  times: {},
  kind: 'flu shot',
  ...o,
});

describe('historySamples and clinicWaits', () => {
  // Five flu shots of 6 minutes in room, one physical still open (not history).
  const history = [
    ...[0, 1, 2, 3, 4].map((i) =>
      visit({
        id: `h${i}`,
        status: 'checked_out',
        times: { called: iso(i * 60), in_room: iso(i * 60 + 1), checked_out: iso(i * 60 + 7) },
      }),
    ),
    visit({ id: 'open', status: 'in_room', kind: 'annual physical', times: { in_room: iso(0) } }),
  ];

  it('takes only finished visits, in room → checked out', () => {
    const samples = historySamples(history);
    expect(samples).toHaveLength(5);
    expect(learnWaitStats(samples).kinds['flu shot']).toEqual({ minutes: 6, samples: 5 });
  });

  it('queues today’s waiting visits behind the ones in rooms, with the learned in-room times', () => {
    const stats = learnWaitStats(historySamples(history));
    const today = [
      visit({ id: 'in', status: 'in_room', times: { called: iso(598), in_room: iso(600) } }),
      visit({ id: 'w1', times: { waiting: iso(590) } }),
      visit({ id: 'w2', kind: 'annual physical', times: { waiting: iso(595) } }),
      visit({ id: 'w3', times: { waiting: iso(596) } }),
    ];
    const waits = clinicWaits({
      now: new Date(iso(602)),
      visits: today,
      providers: [{ id: 'lee', delayMinutes: 0 }],
      roomsInService: 3,
      stats,
    });
    // The flu shot in the room has 4 minutes left; an unknown kind counts the clinic's median (6).
    expect(Object.fromEntries(waits)).toEqual({ w1: 4, w2: 10, w3: 16 });
  });
});
