import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, CommandType, FindSlotResult, ScheduleDay } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { api, openSocket, signIn, snapshotOf, startTestServer, until, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();
// The test clock reads 09:00 in New York on 2026-11-30; the next day's book is empty.
const tomorrow = '2026-12-01';
const at = (hhmm: string, day = tomorrow) => {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h + 5, m)).toISOString(); // EST = UTC−5
};

describe.each(testBackends)('the appointment book on %s', (backend) => {
  let server: TestServer;
  let desk: string;
  let visits: Visit[];

  /** POST /api/commands as the front desk; the answer is that command's (the server's JSON, typed by its type). */
  const send = async <T extends CommandType>(command: { type: T } & Record<string, unknown>) =>
    (await api(server, 'POST', '/api/commands', { cookie: desk, body: { commandId: uuid(), ...command } }))
      .body as CommandResult<T>;
  const day = async (d = tomorrow) =>
    (await api(server, 'GET', `/api/schedule?day=${d}`, { cookie: desk })).body as ScheduleDay;
  const book = (visit: Visit, from: string, to: string, providerId = visit.providerId!) =>
    send({
      type: 'BookAppointment',
      patientId: visit.patientId,
      providerId,
      startsAt: at(from),
      endsAt: at(to),
    });

  beforeAll(async () => {
    server = await startTestServer(backend);
    desk = await signIn(server, 'frontdesk');
    visits = Object.values((await snapshotOf(server, { view: 'flowBoard', cookie: desk })).visits);
  });
  afterAll(() => server?.close());

  it('books an appointment, and the day of the book shows it with the patient and its code', async () => {
    const patient = visits[0]!;
    const result = await book(patient, '10:00', '10:30');
    if (!result.ok || !result.result) throw new Error(JSON.stringify(result));
    const { appointmentId, code } = result.result;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const book_ = await day();
    expect(book_.appointments).toEqual([
      expect.objectContaining({
        id: appointmentId,
        patientId: patient.patientId,
        providerId: patient.providerId,
        startsAt: at('10:00'),
        endsAt: at('10:30'),
        status: 'booked',
        patientName: `${patient.patient.firstName} ${patient.patient.lastName}`,
        code,
      }),
    ]);
  });

  it('refuses a clash, says who is booked when, and offers free times that can be booked', async () => {
    const [first, second] = [
      visits[1]!,
      visits.find((v) => v.providerId === visits[1]!.providerId && v !== visits[1])!,
    ];
    expect((await book(first, '11:00', '11:30')).ok).toBe(true);
    const clash = await book(second, '11:15', '11:45');
    const provider = (await day()).providers.find((p) => p.id === first.providerId)!;
    expect(clash).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: `${provider.name} is already booked 11:00–11:30.`,
    });
    if (clash.ok) return;
    expect(clash.suggestions?.[0]).toEqual({ startsAt: at('11:30'), endsAt: at('12:00') });
    const [free] = clash.suggestions!;
    expect(
      (
        await send({
          type: 'BookAppointment',
          patientId: second.patientId,
          providerId: second.providerId,
          ...free,
        })
      ).ok,
    ).toBe(true);
  });

  it('of 100 bookings of one slot at once, exactly one is booked and 99 are told it is taken', async () => {
    const provider = visits[2]!.providerId!;
    const results = await Promise.all(
      visits
        .slice(0, 20)
        .flatMap((v) => Array.from({ length: 5 }, () => book(v, '15:00', '15:30', provider))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(99);
    const at3 = (await day()).appointments.filter((a) => a.startsAt === at('15:00') && a.status === 'booked');
    expect(at3).toHaveLength(1);
  });

  it('moves an appointment to a free time, refuses a move onto a booked one, and today’s board follows', async () => {
    const patient = visits[3]!;
    const booked = await book(patient, '13:00', '13:30');
    if (!booked.ok || !booked.result) throw new Error(JSON.stringify(booked));
    const other = visits.find(
      (v) => v.providerId === patient.providerId && v.patientId !== patient.patientId,
    )!;
    expect((await book(other, '14:00', '14:30')).ok).toBe(true);
    const onto = await send({
      type: 'MoveAppointment',
      appointmentId: booked.result.appointmentId,
      startsAt: at('14:00'),
      endsAt: at('14:30'),
    });
    expect(onto).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Moved to the provider's next free half hour today (inside their hours): it joins today's flow board, live.
    const board = await openSocket(server.app.url, { view: 'flowBoard', cookie: desk });
    const today = '2026-11-30';
    const free = (
      (
        await api(
          server,
          'GET',
          `/api/schedule/find-slot?providerId=${patient.providerId}&durationMinutes=30&days=1&count=1`,
          { cookie: desk },
        )
      ).body as FindSlotResult
    ).slots[0]!;
    const moved = await send({
      type: 'MoveAppointment',
      appointmentId: booked.result.appointmentId,
      startsAt: free.startsAt,
      endsAt: free.endsAt,
    });
    expect(moved).toMatchObject({ ok: true });
    await until(
      () => board.received.some((m) => m.data && JSON.stringify(m.data).includes('VisitRescheduled')),
      'the move reaches the console',
    );
    const visit = Object.values((await snapshotOf(server, { view: 'flowBoard', cookie: desk })).visits).find(
      (v) => v.id === booked.result!.visitId,
    );
    expect(visit).toMatchObject({ status: 'booked', scheduledAt: free.startsAt, day: today });
    board.socket.disconnect();
  });

  it('cancels with a reason; a cancelled appointment, or one whose patient has arrived, cannot be moved', async () => {
    const patient = visits[4]!;
    const booked = await book(patient, '16:00', '16:30');
    if (!booked.ok || !booked.result) throw new Error(JSON.stringify(booked));
    const { appointmentId } = booked.result;
    expect(await send({ type: 'CancelAppointment', appointmentId, reason: '' })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(
      await send({ type: 'CancelAppointment', appointmentId, reason: 'Patient called to cancel' }),
    ).toMatchObject({
      ok: true,
    });
    expect((await day()).appointments.find((a) => a.id === appointmentId)).toMatchObject({
      status: 'cancelled',
    });
    const move = {
      type: 'MoveAppointment' as const,
      appointmentId,
      startsAt: at('17:00'),
      endsAt: at('17:30'),
    };
    expect(await send(move)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // Today's first patient checks in at the desk: their appointment is now the flow board's business.
    const arrived = visits.find((v) => v.appointmentId)!;
    expect((await send({ type: 'CheckInPatient', visitId: arrived.id })).ok).toBe(true);
    expect(
      await send({
        type: 'MoveAppointment',
        appointmentId: arrived.appointmentId,
        startsAt: at('17:00'),
        endsAt: at('17:30'),
      }),
    ).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('refuses a time that has passed or ends before it starts, at the start field', async () => {
    const patient = visits[5]!;
    expect(await book(patient, '10:00', '09:00')).toMatchObject({ code: 'INVALID' });
    const past = await send({
      type: 'BookAppointment',
      patientId: patient.patientId,
      providerId: patient.providerId,
      startsAt: '2026-11-30T13:00:00Z',
      endsAt: '2026-11-30T13:30:00Z',
    });
    expect(past).toMatchObject({ ok: false, code: 'INVALID', issues: [{ path: 'startsAt' }] });
  });

  it('finds a patient to book by the start of their names or their date of birth, and audits the search', async () => {
    const { patient, patientId } = visits[6]!;
    const search = async (q: string) =>
      api(server, 'GET', `/api/patients?q=${encodeURIComponent(q)}`, { cookie: desk });
    const byName = await search(
      `${patient.firstName.slice(0, 2)} ${patient.lastName.slice(0, 3).toUpperCase()}`,
    );
    expect(byName.body).toContainEqual({ id: patientId, ...patient });
    const byBirth = (await search(`${patient.lastName} ${patient.dateOfBirth}`)).body as { id: string }[];
    expect(byBirth.map((p) => p.id)).toEqual([patientId]);
    expect((await search('a')).status).toBe(400);
    const audit = await api(server, 'GET', '/api/audit?action=SearchPatients', {
      cookie: await signIn(server, 'admin'),
    });
    expect(audit.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'SearchPatients' })]),
    );
  });
});
