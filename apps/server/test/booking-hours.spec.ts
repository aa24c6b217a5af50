import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, CommandType, FindSlotResult, ScheduleDay } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { api, signIn, snapshotOf, startTestServer, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();
// The test clock reads 09:00 in New York on Monday 2026-11-30. The demo roster: Dr. Feld works 09:00–13:00 and
// 14:00–18:00 Tuesday to Friday (and Saturday mornings), and is on leave 7–9 December.
const ny = (day: string, hhmm: string) => {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h + 5, m)).toISOString(); // EST = UTC−5
};
const tue = '2026-12-01';

describe.each(testBackends)('bookings inside working hours only, on %s', (backend) => {
  let server: TestServer;
  const cookies: Record<string, string> = {};
  let visits: Visit[];
  let feld: string;
  let lee: string;

  const send = async <T extends CommandType>(who: string, command: { type: T } & Record<string, unknown>) =>
    (
      await api(server, 'POST', '/api/commands', {
        cookie: cookies[who]!,
        body: { commandId: uuid(), ...command },
      })
    ).body as CommandResult<T>;
  const day = async (d: string) =>
    (await api(server, 'GET', `/api/schedule?day=${d}`, { cookie: cookies.frontdesk! })).body as ScheduleDay;
  const findSlot = async (params: Record<string, string>) =>
    (
      await api(server, 'GET', `/api/schedule/find-slot?${new URLSearchParams(params)}`, {
        cookie: cookies.frontdesk!,
      })
    ).body as FindSlotResult;
  const patient = (k: number) => visits[k]!.patientId;
  const book = (k: number, providerId: string, from: string, to: string, who = 'frontdesk') =>
    send(who, { type: 'BookAppointment', patientId: patient(k), providerId, startsAt: from, endsAt: to });

  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const who of ['admin', 'frontdesk']) cookies[who] = await signIn(server, who);
    visits = Object.values(
      (await snapshotOf(server, { view: 'flowBoard', cookie: cookies.frontdesk })).visits,
    );
    const providers = (await day(tue)).providers;
    feld = providers.find((p) => p.name === 'Dr. Feld')!.id;
    lee = providers.find((p) => p.name === 'Dr. Lee')!.id;
  });
  afterAll(() => server?.close());

  it('refuses a time in the lunch break, says the day’s hours, and offers the nearest free times inside them', async () => {
    const refused = await book(1, feld, ny(tue, '13:15'), ny(tue, '13:45'));
    expect(refused).toMatchObject({
      ok: false,
      code: 'OUTSIDE_HOURS',
      message: 'Dr. Feld works 09:00–13:00 and 14:00–18:00 on Tuesdays.',
    });
    if (refused.ok) return;
    expect(refused.suggestions).toEqual([
      { startsAt: ny(tue, '14:00'), endsAt: ny(tue, '14:30') },
      { startsAt: ny(tue, '12:30'), endsAt: ny(tue, '13:00') },
      { startsAt: ny(tue, '14:15'), endsAt: ny(tue, '14:45') },
    ]);
    const [first] = refused.suggestions!;
    expect((await book(1, feld, first!.startsAt, first!.endsAt)).ok).toBe(true);
    expect((await day(tue)).appointments.filter((a) => a.providerId === feld)).toHaveLength(1);
  });

  it('names leave and days off, and suggests the first working day after the leave', async () => {
    const leave = await book(2, feld, ny('2026-12-08', '10:00'), ny('2026-12-08', '10:30'));
    expect(leave).toMatchObject({ code: 'OUTSIDE_HOURS', message: 'Dr. Feld is on leave on 8 December.' });
    if (leave.ok) return;
    expect(leave.suggestions?.[0]).toEqual({
      startsAt: ny('2026-12-10', '09:00'),
      endsAt: ny('2026-12-10', '09:30'),
    });
    expect(await book(2, feld, ny('2026-12-14', '10:00'), ny('2026-12-14', '10:30'))).toMatchObject({
      code: 'OUTSIDE_HOURS',
      message: 'Dr. Feld does not work on Mondays.',
    });
  });

  it('find-slot and the booking follow one rule: what it offers books, what it says is outside is refused', async () => {
    const asked = await findSlot({
      providerId: feld,
      durationMinutes: '30',
      count: '3',
      at: ny(tue, '18:00'),
    });
    expect(asked.whyNot).toContain('It is outside Dr. Feld’s working hours.');
    expect(await book(3, feld, ny(tue, '18:00'), ny(tue, '18:30'))).toMatchObject({ code: 'OUTSIDE_HOURS' });
    // Nothing on Monday (no hours), the first free half hour on Tuesday morning instead.
    expect(asked.slots[0]).toMatchObject({ startsAt: ny(tue, '09:00'), providerId: feld });
    expect((await book(3, feld, asked.slots[0]!.startsAt, asked.slots[0]!.endsAt)).ok).toBe(true);
  });

  it('refuses a move or a resize out of the hours and leaves the appointment where it was', async () => {
    const booked = await book(4, feld, ny(tue, '11:00'), ny(tue, '11:30'));
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const id = booked.result.appointmentId;
    const move = (from: string, to: string) =>
      send('frontdesk', { type: 'MoveAppointment', appointmentId: id, startsAt: from, endsAt: to });
    expect(await move(ny(tue, '18:00'), ny(tue, '18:30'))).toMatchObject({
      code: 'OUTSIDE_HOURS',
      message: 'Dr. Feld works 09:00–13:00 and 14:00–18:00 on Tuesdays.',
    });
    expect(await move(ny(tue, '11:00'), ny(tue, '13:30'))).toMatchObject({ code: 'OUTSIDE_HOURS' });
    expect(
      await send('frontdesk', {
        type: 'MoveAppointment',
        appointmentId: id,
        providerId: lee,
        startsAt: ny('2026-11-30', '18:30'),
        endsAt: ny('2026-11-30', '19:00'),
      }),
    ).toMatchObject({
      code: 'OUTSIDE_HOURS',
      message: 'Dr. Lee works 08:00–12:00 and 13:00–18:00 on Mondays.',
    });
    expect((await day(tue)).appointments.find((a) => a.id === id)).toMatchObject({
      startsAt: ny(tue, '11:00'),
      endsAt: ny(tue, '11:30'),
      providerId: feld,
    });
    expect((await move(ny(tue, '11:30'), ny(tue, '12:30'))).ok).toBe(true);
  });

  it('refuses a whole series when one occurrence falls on leave, naming it, and an edit that moves one out', async () => {
    const weekly = { frequency: 'weekly', interval: 1, weekdays: ['TU'], count: 4 };
    const refused = await send('frontdesk', {
      type: 'BookSeries',
      patientId: patient(5),
      providerId: feld,
      startsAt: ny(tue, '15:00'),
      endsAt: ny(tue, '15:30'),
      recurrence: weekly,
    });
    if (refused.ok) throw new Error('booked a series over leave');
    expect(refused.code).toBe('OUTSIDE_HOURS');
    expect(refused.message).toBe(
      '1 of 4 occurrences falls outside the provider’s working hours, so nothing was booked. Tue 8 Dec: Dr. Feld is on leave on 8 December.',
    );
    expect(refused.clashes).toEqual([
      expect.objectContaining({ index: 1, startsAt: ny('2026-12-08', '15:00') }),
    ]);
    expect((await day(tue)).appointments.filter((a) => a.patientId === patient(5))).toEqual([]);

    const series = await send('frontdesk', {
      type: 'BookSeries',
      patientId: patient(5),
      providerId: lee,
      startsAt: ny(tue, '15:00'),
      endsAt: ny(tue, '15:30'),
      recurrence: { ...weekly, count: 3 },
    });
    if (!series.ok) throw new Error(JSON.stringify(series));
    const edit = await send('frontdesk', {
      type: 'EditSeries',
      appointmentId: series.result.appointmentIds[0],
      scope: 'all',
      startsAt: ny(tue, '18:00'),
      endsAt: ny(tue, '18:30'),
    });
    expect(edit).toMatchObject({ ok: false, code: 'OUTSIDE_HOURS' });
    expect((await day(tue)).appointments.find((a) => a.id === series.result.appointmentIds[0])).toMatchObject(
      {
        startsAt: ny(tue, '15:00'),
        status: 'booked',
      },
    );
  });

  it('an admin’s overbooking passes a clash but not the working hours', async () => {
    expect((await send('admin', { type: 'SetSchedulingRules', allowOverbooking: true })).ok).toBe(true);
    const overbook = {
      type: 'OverbookAppointment' as const,
      patientId: patient(6),
      providerId: feld,
      overbookReason: 'Squeezed in after a fall',
    };
    expect(
      await send('admin', {
        ...overbook,
        startsAt: ny('2026-12-08', '10:00'),
        endsAt: ny('2026-12-08', '10:15'),
      }),
    ).toMatchObject({ code: 'OUTSIDE_HOURS', message: 'Dr. Feld is on leave on 8 December.' });
    // Over Dr. Feld's 09:00 visit (booked above): allowed, with the reason.
    expect(
      (await send('admin', { ...overbook, startsAt: ny(tue, '09:00'), endsAt: ny(tue, '09:15') })).ok,
    ).toBe(true);
  });
});
