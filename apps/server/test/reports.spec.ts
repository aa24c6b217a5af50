import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowBoard } from '@clinicflow/domain';
import type { CommandResult, ReportAnswer } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import {
  api,
  openSocket,
  signIn,
  snapshotOf,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness';

const uuid = () => crypto.randomUUID();
const today = '2026-11-30';

describe.each(testBackends)('management reports on %s', (backend) => {
  let server: TestServer;
  let coordinator: string;
  let desk: TestSocket;
  let start: FlowBoard;
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
  const report = async (query: string, cookie = coordinator) =>
    api(server, 'GET', `/api/reports?${query}`, { cookie });
  const ok = async (command: object) => {
    const result: CommandResult = await desk.emitWithAck('command', { commandId: uuid(), ...command });
    expect(result, JSON.stringify(command)).toMatchObject({ ok: true });
  };
  const visitCommand = async (type: string, id: string, extra: object = {}) =>
    ok({ type, visitId: id, version: (await board()).visits[id]!.version, ...extra });

  beforeAll(async () => {
    // The test moves the clock by tens of minutes: sessions must outlast it.
    server = await startTestServer(backend, { intake: true, sessionIdleMs: 8 * 3600_000 });
    coordinator = await signIn(server, 'coordinator');
    desk = (await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator })).socket;
    start = await board();
  }, 60_000);
  afterAll(async () => {
    desk?.disconnect();
    await server?.close();
  });

  it('reads a day driven through real commands, with figures worked out by hand', async () => {
    // The demo day: 30 booked visits from 08:00; the clock reads 09:00 (New York, UTC−5).
    const booked = Object.values(start.visits).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
    expect(booked).toHaveLength(30);
    const [first, second, third] = booked;
    const room = Object.values(start.rooms).find((r) => r.status === 'available')!;
    await visitCommand('CheckInPatient', first!.id); // arrives 09:00
    await visitCommand('SendToWaitingRoom', first!.id);
    server.clock.advance(10);
    await visitCommand('CallPatient', first!.id, { roomId: room.id }); // 09:10
    server.clock.advance(2);
    await visitCommand('MarkPatientInRoom', first!.id); // 09:12
    server.clock.advance(3);
    await visitCommand('StartConsultation', first!.id); // 09:15
    server.clock.advance(20);
    await visitCommand('CheckOutPatient', first!.id); // 09:35
    await visitCommand('MarkNoShow', second!.id);
    await visitCommand('CancelVisit', third!.id);
    const survey = (await repo.questionnaires.listActive(server.database.db, server.clinic.id)).find(
      (q) => q.purpose === 'survey',
    )!;
    await ok({
      type: 'SubmitSurvey',
      visitId: first!.id,
      questionnaireId: survey.id,
      answers: { overall: '4', wait_ok: true },
    });

    const res = await report(`from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const { current, previous, comparison } = res.body as ReportAnswer;
    expect(current).toMatchObject({ from: today, to: today, timezone: 'America/New_York' });
    // 30 booked, one cancelled: 29 appointments; one arrival, seen.
    expect(current.byDay).toEqual([{ day: today, appointments: 29, arrivals: 1, seen: 1 }]);
    const lateBy = (Date.parse('2026-11-30T14:12:00Z') - Date.parse(first!.scheduledAt!)) / 60_000;
    expect(current.durations).toEqual([
      { measure: 'wait', visits: 1, medianMinutes: 12, p90Minutes: 12 }, // 09:00 → 09:12
      { measure: 'door_to_provider', visits: 1, medianMinutes: 15, p90Minutes: 15 }, // → 09:15
      { measure: 'cycle', visits: 1, medianMinutes: 35, p90Minutes: 35 }, // → 09:35
      { measure: 'schedule_lateness', visits: 1, medianMinutes: lateBy, p90Minutes: lateBy },
    ]);
    expect(current.outcomes).toEqual([
      { outcome: 'no_show', count: 1, outOf: 29, rate: 1 / 29 },
      { outcome: 'cancelled', count: 1, outOf: 30, rate: 1 / 30 },
      { outcome: 'left_without_being_seen', count: 0, outOf: 1, rate: 0 },
    ]);
    // In the room 09:12 → 09:35 of the 480 open minutes; the provider 09:15 → 09:35.
    expect(current.rooms.find((r) => r.id === room.id)).toMatchObject({ busyMinutes: 23, openMinutes: 480 });
    expect(current.providers.find((p) => p.id === first!.providerId)).toMatchObject({
      busyMinutes: 20,
      openMinutes: 480,
    });
    expect(current.satisfaction[0]).toMatchObject({
      question: 'satisfaction.overall',
      responses: 1,
      averageScore: 4,
    });
    expect(current.headline).toMatchObject({ satisfaction: 4, arrivals: 1, wait_median: 12 });
    // The day before had nothing.
    expect(previous).toMatchObject({ from: '2026-11-29', to: '2026-11-29' });
    expect(previous.headline.appointments).toBe(0);
    expect(comparison.find((c) => c.figure === 'appointments')).toEqual({
      figure: 'appointments',
      current: 29,
      previous: 0,
      change: 29,
    });
  });

  it('a week: one row per day, compared with the week before it', async () => {
    const res = await report('from=2026-11-24&to=2026-11-30');
    const { current, previous } = res.body as ReportAnswer;
    expect(current.byDay.map((d) => d.day)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(previous).toMatchObject({ from: '2026-11-17', to: '2026-11-23' });
    expect(current.headline.appointments).toBe(29);
  });

  it('refuses a period it cannot read, saying which field and why', async () => {
    const backwards = await report('from=2026-11-30&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('The period ends before it starts');
    const long = await report('from=2025-01-01&to=2026-11-30');
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('at most 366 days');
    const garbage = await report('from=yesterday&to=2026-11-30');
    expect(garbage.status).toBe(400);
    expect(JSON.stringify(garbage.body)).toContain('Give a day, for example 2026-12-01');
  });

  it('is for admins and coordinators only, and every read is audited', async () => {
    const frontDesk = await signIn(server, 'frontdesk');
    expect((await report(`from=${today}&to=${today}`, frontDesk)).status).toBe(403);
    const admin = await signIn(server, 'admin');
    expect((await report(`from=${today}&to=${today}`, admin)).status).toBe(200);
    const rows = (await api(server, 'GET', '/api/audit?action=ReadReport&limit=50', { cookie: admin }))
      .body as {
      action: string;
      entityType: string;
    }[];
    // The two reads of the first tests, the admin's, and not the refused or invalid ones.
    expect(rows.filter((r) => r.action === 'ReadReport' && r.entityType === 'report').length).toBe(3);
  });
});
