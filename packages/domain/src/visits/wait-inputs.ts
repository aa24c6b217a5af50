import type { Visit } from './visit';
import { estimateQueue, expectedMinutes, type DurationSample, type WaitStats } from './wait-model';

/** A visit as the wait model reads it: where it is in the flow and its kind, nothing about the patient. */
export type FlowVisit = Pick<
  Visit,
  'id' | 'status' | 'providerId' | 'scheduledAt' | 'statusSince' | 'times'
> & {
  kind: string | null;
};

const inService: readonly Visit['status'][] = ['called', 'in_room', 'with_provider'];

/** Finished visits as history: in room → checked out, with the appointment and call times. */
export function historySamples(visits: readonly FlowVisit[]): DurationSample[] {
  return visits.flatMap((v) => {
    const start = v.times.in_room;
    const end = v.times.checked_out;
    if (v.status !== 'checked_out' || !start || !end) return [];
    return [
      {
        kind: v.kind,
        providerId: v.providerId,
        start,
        end,
        scheduledAt: v.scheduledAt,
        calledAt: v.times.called,
      },
    ];
  });
}

/** Minutes until each of today's waiting visits is likely called, from the visits in the clinic and the history. */
export function clinicWaits(input: {
  now: Date;
  visits: readonly FlowVisit[];
  providers: readonly { id: string; delayMinutes: number }[];
  roomsInService: number;
  stats: WaitStats;
}): Map<string, number> {
  const { stats } = input;
  return estimateQueue({
    now: input.now,
    providers: input.providers,
    roomsInService: input.roomsInService,
    parallel: stats.parallel,
    earlyCallMinutes: stats.earlyCallMinutes,
    inService: input.visits
      .filter((v) => inService.includes(v.status))
      .map((v) => ({
        id: v.id,
        providerId: v.providerId,
        since: v.times.in_room ?? v.times.called ?? v.statusSince,
        expectedMinutes: expectedMinutes(stats, v.kind),
      })),
    waiting: input.visits
      .filter((v) => v.status === 'waiting')
      .map((v) => ({
        id: v.id,
        providerId: v.providerId,
        queuedAt: v.times.waiting ?? v.statusSince,
        notBefore: v.scheduledAt,
        expectedMinutes: expectedMinutes(stats, v.kind),
      })),
  });
}
