import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../intake/questionnaire';
import { clinicTime } from '../shared/time';
import { clinic, makeRoom, makeVisit } from '../testing/fixtures';
import { emptyFlowBoard } from '../views/flow-board/state';
import type { Visit } from '../visits/visit';
import { reportFromBoard } from './live';
import { buildReport, compareReports, periodDays, periodProblem, previousPeriod } from './report';
import {
  median,
  openMinutes,
  percentile,
  wallHour,
  type ReportVisit,
  type SurveyResponse,
} from './statistics';

const tz = 'America/New_York';
const day = '2026-03-02';
/** An instant by the clinic's wall clock on `day`. */
const local = (hhmm: string, on = day) => clinicTime(on, hhmm, tz).toISOString();

const visit = (id: string, fields: Partial<Visit>): Visit =>
  makeVisit({ id, day, appointmentId: `a-${id}`, roomId: null, providerId: 'dr1', times: {}, ...fields });

/*
 * One Monday, written out so each figure can be checked by hand (EST, UTC−5):
 *   v1  booked 09:00  arrived 08:50  in room 09:05 (R1)  with provider 09:10  out 09:30   dr1
 *   v2  booked 09:30  arrived 09:20  in room 09:50 (R2)  with provider 10:00  out 10:20   dr1
 *   v3  booked 10:00  no-show
 *   v4  booked 10:30  cancelled
 *   v5  walk-in, to the waiting room 10:15  in room 10:25 (R1)  with provider 10:40  out 11:10   dr2
 *   v6  booked 11:00  arrived 10:55  left without being seen
 *   v7  booked 11:30  arrived 11:20  in room 12:00 (R2)  with provider 12:05, still there            dr2
 */
const monday: Visit[] = [
  visit('v1', {
    status: 'checked_out',
    scheduledAt: local('09:00'),
    roomId: 'r1',
    times: {
      arrived: local('08:50'),
      in_room: local('09:05'),
      with_provider: local('09:10'),
      checked_out: local('09:30'),
    },
  }),
  visit('v2', {
    status: 'checked_out',
    scheduledAt: local('09:30'),
    roomId: 'r2',
    times: {
      arrived: local('09:20'),
      in_room: local('09:50'),
      with_provider: local('10:00'),
      checked_out: local('10:20'),
    },
  }),
  visit('v3', { status: 'no_show', scheduledAt: local('10:00'), times: { no_show: local('10:30') } }),
  visit('v4', { status: 'cancelled', scheduledAt: local('10:30'), times: { cancelled: local('08:00') } }),
  visit('v5', {
    status: 'checked_out',
    appointmentId: null,
    providerId: 'dr2',
    roomId: 'r1',
    times: {
      waiting: local('10:15'),
      in_room: local('10:25'),
      with_provider: local('10:40'),
      checked_out: local('11:10'),
    },
  }),
  visit('v6', {
    status: 'left_without_being_seen',
    scheduledAt: local('11:00'),
    times: { arrived: local('10:55'), waiting: local('10:56'), left_without_being_seen: local('11:40') },
  }),
  visit('v7', {
    status: 'with_provider',
    scheduledAt: local('11:30'),
    providerId: 'dr2',
    roomId: 'r2',
    times: { arrived: local('11:20'), in_room: local('12:00'), with_provider: local('12:05') },
  }),
];

const rooms = [
  { id: 'r2', name: 'Room 2' },
  { id: 'r1', name: 'Room 1' },
  { id: 'r3', name: 'Room 3' },
];
const providers = [
  { id: 'dr2', name: 'Dr. Osei' },
  { id: 'dr1', name: 'Dr. Lee' },
];

const survey: Questionnaire = {
  id: 'q-sat',
  key: 'satisfaction',
  version: 1,
  purpose: 'survey',
  title: { en: 'How was your visit?' },
  appliesTo: [],
  items: [
    {
      id: 'overall',
      type: 'choice',
      text: { en: 'Overall, how was your visit today?' },
      options: ['5', '4', '3', '2', '1'].map((value) => ({ value, text: { en: value } })),
    },
    { id: 'wait_ok', type: 'boolean', text: { en: 'Was your wait reasonable?' } },
    { id: 'comment', type: 'text', text: { en: 'Anything else?' } },
  ],
};
const surveys: SurveyResponse[] = [
  { visitId: 'v1', questionnaire: survey, answers: { overall: '5', wait_ok: true, comment: 'Kind staff' } },
  { visitId: 'v2', questionnaire: survey, answers: { overall: '3', wait_ok: false } },
  { visitId: 'v5', questionnaire: survey, answers: { overall: '4' } },
];

const report = (visits: ReportVisit[], period = { from: day, to: day }) =>
  buildReport({ period, timezone: tz, visits, rooms, providers, surveys: [] });

describe('median and p90', () => {
  it('takes the middle value, the mean of the middle two, and the nearest rank for p90', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 15])).toBe(22.5);
    // 10 values: the 9th smallest has 90% at or below it.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 15, 30, 40], 90)).toBe(40);
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });
});

describe('a known day', () => {
  const r = buildReport({
    period: { from: day, to: day },
    timezone: tz,
    visits: monday,
    rooms,
    providers,
    surveys,
  });

  it('times each step: waits 10, 15, 30, 40 → median 22.5, p90 40', () => {
    expect(r.durations).toEqual([
      // arrival → in room: v1 15, v2 30, v5 10 (from the waiting room), v7 40
      { measure: 'wait', visits: 4, medianMinutes: 22.5, p90Minutes: 40 },
      // arrival → with provider: v1 20, v2 40, v5 25, v7 45
      { measure: 'door_to_provider', visits: 4, medianMinutes: 32.5, p90Minutes: 45 },
      // arrival → checked out, finished visits only: v1 40, v2 60, v5 55
      { measure: 'cycle', visits: 3, medianMinutes: 55, p90Minutes: 60 },
      // appointment → in room: v1 5, v2 20, v7 30 (the walk-in has no appointment)
      { measure: 'schedule_lateness', visits: 3, medianMinutes: 20, p90Minutes: 30 },
    ]);
  });

  it('counts outcomes against what they could have been: 6 booked, 1 cancelled, 1 no-show of 5, 1 left of 5 arrivals', () => {
    expect(r.outcomes).toEqual([
      { outcome: 'no_show', count: 1, outOf: 5, rate: 0.2 },
      { outcome: 'cancelled', count: 1, outOf: 6, rate: 1 / 6 },
      { outcome: 'left_without_being_seen', count: 1, outOf: 5, rate: 0.2 },
    ]);
  });

  it('sets appointments (not cancelled) against arrivals per clinic-local hour', () => {
    expect(r.byHour).toEqual([
      { hour: '08:00', appointments: 0, arrivals: 1 },
      { hour: '09:00', appointments: 2, arrivals: 1 },
      { hour: '10:00', appointments: 1, arrivals: 2 },
      { hour: '11:00', appointments: 2, arrivals: 1 },
    ]);
    expect(r.byDay).toEqual([{ day, appointments: 5, arrivals: 5, seen: 3 }]);
  });

  it('shares out the 480 open minutes (08–12, 13–17): R1 busy 25 + 45, R2 30 (v7 still in), R3 idle', () => {
    expect(r.rooms).toEqual([
      { id: 'r1', name: 'Room 1', busyMinutes: 70, openMinutes: 480, utilization: 70 / 480 },
      { id: 'r2', name: 'Room 2', busyMinutes: 30, openMinutes: 480, utilization: 30 / 480 },
      { id: 'r3', name: 'Room 3', busyMinutes: 0, openMinutes: 480, utilization: 0 },
    ]);
    // With the provider until check-out: Dr. Lee 20 + 20, Dr. Osei 30 (v7 is not out yet).
    expect(r.providers).toEqual([
      { id: 'dr1', name: 'Dr. Lee', busyMinutes: 40, openMinutes: 480, utilization: 40 / 480 },
      { id: 'dr2', name: 'Dr. Osei', busyMinutes: 30, openMinutes: 480, utilization: 30 / 480 },
    ]);
    expect(r.headline.room_utilization).toBe(100 / 1440);
    expect(r.headline.provider_utilization).toBe(70 / 960);
  });

  it('averages the scored survey answers: overall (5+3+4)/3 = 4 of 5, wait reasonable 1 of 2', () => {
    expect(r.satisfaction).toEqual([
      {
        question: 'satisfaction.overall',
        text: 'Overall, how was your visit today?',
        responses: 3,
        averageScore: 4,
        maxScore: 5,
      },
      {
        question: 'satisfaction.wait_ok',
        text: 'Was your wait reasonable?',
        responses: 2,
        averageScore: 0.5,
        maxScore: 1,
      },
    ]);
    expect(r.headline.satisfaction).toBe(4);
  });

  it('sums the headline', () => {
    expect(r.headline).toMatchObject({
      appointments: 5,
      arrivals: 5,
      seen: 3,
      wait_median: 22.5,
      wait_p90: 40,
      no_show_rate: 0.2,
    });
  });

  it('reads the same from the live board as from the list of visits', () => {
    const board = emptyFlowBoard({
      clinic: { ...clinic, timezone: tz },
      day,
      providers: providers.map((p) => ({ ...p, delayMinutes: 0, staffId: null })),
      rooms: rooms.map((room) => makeRoom(room)),
    });
    const live = reportFromBoard(
      { ...board, visits: Object.fromEntries(monday.map((v) => [v.id, v])) },
      surveys,
    );
    expect(live).toEqual(r);
  });
});

describe('edge cases', () => {
  it('no visits: counts are 0, every time and rate is empty rather than 0', () => {
    const r = report([]);
    expect(r.byHour).toEqual([]);
    expect(r.byDay).toEqual([{ day, appointments: 0, arrivals: 0, seen: 0 }]);
    expect(
      r.durations.every((d) => d.visits === 0 && d.medianMinutes === null && d.p90Minutes === null),
    ).toBe(true);
    expect(r.outcomes.map((o) => o.rate)).toEqual([null, null, null]);
    // Nobody came, so the clinic was not open that day as far as use goes.
    expect(r.rooms.map((room) => room.utilization)).toEqual([null, null, null]);
    expect(r.headline).toMatchObject({
      appointments: 0,
      wait_median: null,
      room_utilization: null,
      satisfaction: null,
    });
  });

  it('one visit: its wait is both the median and the p90', () => {
    const r = report([monday[0]!]);
    expect(r.durations[0]).toEqual({ measure: 'wait', visits: 1, medianMinutes: 15, p90Minutes: 15 });
    expect(r.outcomes[0]).toEqual({ outcome: 'no_show', count: 0, outOf: 1, rate: 0 });
  });

  it('a visit on another day stays out of the period', () => {
    const r = report([{ ...monday[0]!, day: '2026-03-03' }]);
    expect(r.headline.arrivals).toBe(0);
  });

  it('the spring-forward day (23 hours): a wait across 02:00 is real minutes, hours are the wall clock', () => {
    const sunday = '2026-03-08';
    // 01:30 EST is 06:30Z; 03:10 EDT is 07:10Z: 40 minutes, though the wall clock moved 100.
    const v = visit('d1', {
      day: sunday,
      status: 'checked_out',
      scheduledAt: local('01:30', sunday),
      times: {
        arrived: local('01:30', sunday),
        in_room: local('03:10', sunday),
        checked_out: local('03:40', sunday),
      },
      roomId: 'r1',
    });
    const r = report([v], { from: sunday, to: sunday });
    expect(r.durations[0]?.medianMinutes).toBe(40);
    expect(r.byHour.map((h) => h.hour)).toEqual(['01:00']);
    expect(wallHour(local('03:10', sunday), tz)).toBe('03:00');
    // The sessions (08–12, 13–17) are after the change: still 480 open minutes.
    expect(openMinutes(sunday, tz)).toBe(480);
  });

  it('the fall-back day (25 hours): both 01:30s fall in the one 01:00 row, and a wait across the change is 20 minutes', () => {
    const sunday = '2026-11-01';
    const firstHalf = '2026-11-01T05:30:00.000Z'; // 01:30 EDT
    const secondHalf = '2026-11-01T06:30:00.000Z'; // 01:30 EST
    const a = visit('f1', {
      day: sunday,
      scheduledAt: null,
      appointmentId: null,
      status: 'in_room',
      // 01:50 EDT → 01:10 EST: the wall clock says −40, real time says 20.
      times: { arrived: '2026-11-01T05:50:00.000Z', in_room: '2026-11-01T06:10:00.000Z' },
    });
    const b = visit('f2', {
      day: sunday,
      appointmentId: null,
      status: 'waiting',
      times: { arrived: firstHalf },
    });
    const c = visit('f3', {
      day: sunday,
      appointmentId: null,
      status: 'waiting',
      times: { arrived: secondHalf },
    });
    const r = report([a, b, c], { from: sunday, to: sunday });
    expect(r.durations[0]?.medianMinutes).toBe(20);
    expect(r.byHour).toEqual([{ hour: '01:00', appointments: 0, arrivals: 3 }]);
  });
});

describe('periods', () => {
  it('compares with the same number of days just before', () => {
    expect(previousPeriod({ from: '2026-03-02', to: '2026-03-08' })).toEqual({
      from: '2026-02-23',
      to: '2026-03-01',
    });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-01' })).toEqual({
      from: '2028-02-29',
      to: '2028-02-29',
    });
    // Across the spring-forward week: days, not 24-hour blocks.
    expect(periodDays({ from: '2026-03-08', to: '2026-03-14' })).toBe(7);
  });

  it('refuses a period that ends first or runs past a year', () => {
    expect(periodProblem({ from: '2026-03-02', to: '2026-03-01' })?.message).toBe(
      'The period ends before it starts',
    );
    expect(periodProblem({ from: '2026-01-01', to: '2027-01-02' })?.message).toBe(
      'A report covers at most 366 days',
    );
    expect(periodProblem({ from: '2028-01-01', to: '2028-12-31' })).toBeNull();
  });

  it('lists each headline figure with its change', () => {
    const now = report(monday);
    const before = report([monday[0]!]);
    const rows = compareReports(now, before);
    expect(rows.find((row) => row.figure === 'wait_median')).toEqual({
      figure: 'wait_median',
      current: 22.5,
      previous: 15,
      change: 7.5,
    });
    expect(rows.find((row) => row.figure === 'satisfaction')).toEqual({
      figure: 'satisfaction',
      current: null,
      previous: null,
      change: null,
    });
  });
});
