import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, CommandType, ScheduleDay, SeriesView } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { api, signIn, snapshotOf, startTestServer, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();
// The test clock reads 09:00 in New York on Monday 2026-11-30; New York springs forward on 2027-03-14.
const ny = (day: string, hhmm: string) => {
  const offset = day >= '2027-03-14' ? 4 : 5;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h + offset, m)).toISOString();
};
const weekly = (count: number) => ({ frequency: 'weekly', interval: 1, weekdays: ['TU'], count });

describe.each(testBackends)('recurring appointments on %s', (backend) => {
  let server: TestServer;
  let desk: string;
  let visits: Visit[];
  let seriesId: string;
  let ids: string[];

  const send = async <T extends CommandType>(command: { type: T } & Record<string, unknown>) =>
    (await api(server, 'POST', '/api/commands', { cookie: desk, body: { commandId: uuid(), ...command } }))
      .body as CommandResult<T>;
  const series = async (id: string) =>
    (await api(server, 'GET', `/api/series/${id}`, { cookie: desk })).body as SeriesView;
  const starts = async (id: string) =>
    (await series(id)).occurrences.map((o) => `${o.index} ${o.startsAt} ${o.status}`);
  const patient = (k: number) => visits[k]!;

  beforeAll(async () => {
    server = await startTestServer(backend);
    desk = await signIn(server, 'frontdesk');
    visits = Object.values((await snapshotOf(server, { view: 'flowBoard', cookie: desk })).visits);
  });
  afterAll(() => server?.close());

  it('books a weekly series at 09:00 local on every Tuesday, across the clock change, and the day shows it', async () => {
    const p = patient(0);
    const booked = await send({
      type: 'BookSeries' as const,
      patientId: p.patientId,
      providerId: p.providerId,
      startsAt: ny('2026-12-01', '09:00'),
      endsAt: ny('2026-12-01', '09:30'),
      recurrence: weekly(16),
    });
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    ({ seriesId, appointmentIds: ids } = booked.result);
    expect(ids).toHaveLength(16);
    const view = await series(seriesId);
    expect(view.occurrences.at(-1)).toMatchObject({ index: 15, startsAt: ny('2027-03-16', '09:00') });
    expect(view.occurrences.at(-1)!.startsAt).toBe('2027-03-16T13:00:00.000Z');
    expect(view.occurrences[14]!.startsAt).toBe('2027-03-09T14:00:00.000Z');
    const day = (await api(server, 'GET', '/api/schedule?day=2026-12-08', { cookie: desk }))
      .body as ScheduleDay;
    expect(day.appointments).toContainEqual(
      expect.objectContaining({
        id: ids[1],
        seriesId,
        occurrenceIndex: 1,
        startsAt: ny('2026-12-08', '09:00'),
      }),
    );
  });

  it('refuses the whole series when one occurrence clashes, and names it and what it clashes with', async () => {
    const [a, b] = [
      patient(1),
      visits.find((v) => v.providerId === patient(1).providerId && v !== patient(1))!,
    ];
    const single = await send({
      type: 'BookAppointment',
      patientId: a.patientId,
      providerId: a.providerId,
      startsAt: ny('2026-12-15', '10:00'),
      endsAt: ny('2026-12-15', '10:30'),
    });
    expect(single.ok).toBe(true);
    const refused = await send({
      type: 'BookSeries' as const,
      patientId: b.patientId,
      providerId: b.providerId,
      startsAt: ny('2026-12-01', '10:15'),
      endsAt: ny('2026-12-01', '10:45'),
      recurrence: weekly(4),
    });
    if (refused.ok) throw new Error('booked a clashing series');
    expect(refused.code).toBe('CONFLICT');
    expect(refused.clashes).toEqual([
      expect.objectContaining({
        index: 2,
        startsAt: ny('2026-12-15', '10:15'),
        message: expect.stringMatching(/already booked 10:00–10:30/),
      }),
    ]);
    expect(refused.message).toMatch(/^1 of 4 occurrences clashes, so nothing was booked\. Tue 15 Dec: /);
    const day = (await api(server, 'GET', '/api/schedule?day=2026-12-01', { cookie: desk }))
      .body as ScheduleDay;
    expect(day.appointments.filter((x) => x.patientId === b.patientId)).toEqual([]);
  });

  it('moves one occurrence only: it stays in the series, the others keep their time', async () => {
    const before = await starts(seriesId);
    const moved = await send({
      type: 'MoveAppointment',
      appointmentId: ids[2],
      startsAt: ny('2026-12-15', '11:00'),
      endsAt: ny('2026-12-15', '11:30'),
    });
    expect(moved).toMatchObject({ ok: true });
    const after = await starts(seriesId);
    expect(after).toHaveLength(16);
    expect(after[2]).toBe(`2 ${ny('2026-12-15', '11:00')} booked`);
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
  });

  let continued: string;
  it('"this and following" ends the series before it and continues it at the new time, losing none', async () => {
    const edited = await send({
      type: 'EditSeries',
      appointmentId: ids[4],
      scope: 'following',
      startsAt: ny('2026-12-29', '09:30'),
      endsAt: ny('2026-12-29', '10:00'),
    });
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    continued = edited.result.seriesId;
    expect(edited.result).toMatchObject({ moved: 12, booked: 0, cancelled: 0 });
    const old = await series(seriesId);
    expect(old.series.rule.count).toBe(4);
    expect(old.occurrences.map((o) => o.appointmentId)).toEqual(ids.slice(0, 4));
    expect(old.occurrences[2]!.startsAt).toBe(ny('2026-12-15', '11:00'));
    const next = await series(continued);
    expect(next.series.splitFrom).toBe(seriesId);
    expect(next.occurrences.map((o) => o.appointmentId)).toEqual(ids.slice(4));
    expect(next.occurrences.at(-1)!.startsAt).toBe(ny('2027-03-16', '09:30'));
  });

  it('"all" moves every occurrence still to come, to the new time of day', async () => {
    const edited = await send({
      type: 'EditSeries',
      appointmentId: ids[8],
      scope: 'all',
      startsAt: ny('2027-01-26', '08:30'),
      endsAt: ny('2027-01-26', '09:00'),
    });
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    const next = await series(edited.result.seriesId);
    expect(next.occurrences.map((o) => o.appointmentId)).toEqual(ids.slice(4));
    expect(next.occurrences[0]!.startsAt).toBe(ny('2026-12-29', '08:30'));
    expect(next.occurrences.at(-1)!.startsAt).toBe(ny('2027-03-16', '08:30'));
    continued = edited.result.seriesId;
  });

  it('cancels one, this and following, or all, with the reason', async () => {
    expect(await send({ type: 'CancelAppointment', appointmentId: ids[5], reason: 'Away' })).toMatchObject({
      ok: true,
    });
    const following = await send({
      type: 'CancelSeries',
      appointmentId: ids[12],
      scope: 'following',
      reason: 'Moving',
    });
    expect(following).toMatchObject({ ok: true, result: { cancelled: 4 } });
    const view = await series(continued);
    expect(view.occurrences.map((o) => o.status)).toEqual([
      ...['booked', 'cancelled', 'booked', 'booked', 'booked', 'booked', 'booked', 'booked'],
      ...['cancelled', 'cancelled', 'cancelled', 'cancelled'],
    ]);
    const all = await send({
      type: 'CancelSeries',
      appointmentId: ids[0],
      scope: 'all',
      reason: 'Treatment ended',
    });
    expect(all).toMatchObject({ ok: true, result: { cancelled: 4 } });
    expect((await series(seriesId)).occurrences.every((o) => o.status === 'cancelled')).toBe(true);
    expect(
      await send({ type: 'CancelSeries', appointmentId: ids[0], scope: 'all', reason: 'Again' }),
    ).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('never changes an occurrence whose patient has arrived', async () => {
    const p = patient(3);
    // Dr. Lee works until 18:00 on Mondays, and the demo day has nobody booked that late.
    const lee = (
      (await api(server, 'GET', '/api/schedule?day=2026-11-30', { cookie: desk })).body as ScheduleDay
    ).providers.find((x) => x.name === 'Dr. Lee')!;
    const booked = await send({
      type: 'BookSeries' as const,
      patientId: p.patientId,
      providerId: lee.id,
      startsAt: ny('2026-11-30', '17:30'),
      endsAt: ny('2026-11-30', '17:45'),
      recurrence: { ...weekly(3), weekdays: ['MO'] },
    });
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const [today] = booked.result.appointmentIds;
    const visit = Object.values((await snapshotOf(server, { view: 'flowBoard', cookie: desk })).visits).find(
      (v) => v.appointmentId === today,
    )!;
    expect((await send({ type: 'CheckInPatient', visitId: visit.id })).ok).toBe(true);
    const edit = {
      type: 'EditSeries' as const,
      appointmentId: today,
      startsAt: ny('2026-11-30', '17:45'),
      endsAt: ny('2026-11-30', '18:00'),
    };
    expect(await send({ ...edit, scope: 'following' })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
    const all = await send({ type: 'CancelSeries', appointmentId: today, scope: 'all', reason: 'Stopped' });
    expect(all).toMatchObject({ ok: true, result: { cancelled: 2 } });
    const view = await series(booked.result.seriesId);
    expect(view.occurrences[0]).toMatchObject({
      status: 'booked',
      arrived: true,
      startsAt: ny('2026-11-30', '17:30'),
    });
  });

  it('refuses an endless or too long rule at its field', async () => {
    const p = patient(4);
    const base = {
      type: 'BookSeries' as const,
      patientId: p.patientId,
      providerId: p.providerId,
      startsAt: ny('2026-12-02', '12:00'),
      endsAt: ny('2026-12-02', '12:30'),
    };
    expect(await send({ ...base, recurrence: { ...weekly(2), count: null } })).toMatchObject({
      code: 'INVALID',
      issues: [{ path: 'recurrence.until' }],
    });
    expect(await send({ ...base, recurrence: { ...weekly(2), count: 60 } })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await send({ ...base, recurrence: weekly(4) })).toMatchObject({
      code: 'INVALID',
      issues: [{ path: 'recurrence.weekdays' }],
    });
  });
});
