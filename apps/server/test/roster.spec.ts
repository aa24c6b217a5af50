import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingIntervals, type DutyTask, type EventEnvelope, type DomainEvent } from '@clinicflow/domain';
import type { CommandResult, CommandType, RosterWeek, TaskList } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import { api, openSocket, signIn, startTestServer, until, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();
// The test clock reads 09:00 in New York (UTC−5) on Monday 2026-11-30.
const at = (day: string, hhmm: string) => {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h + 5, m)).toISOString();
};

describe.each(testBackends)('the roster and duties on %s', (backend) => {
  let server: TestServer;
  let coordinator: string;
  let nurse: string;
  let week: RosterWeek;
  const person = (name: string) => week.people.find((p) => p.displayName === name)!;

  const send = async <T extends CommandType>(
    cookie: string,
    command: { type: T } & Record<string, unknown>,
  ) =>
    (await api(server, 'POST', '/api/commands', { cookie, body: { commandId: uuid(), ...command } }))
      .body as CommandResult<T>;
  const tasks = async (cookie: string) =>
    (await api(server, 'GET', '/api/tasks', { cookie })).body as TaskList;

  beforeAll(async () => {
    server = await startTestServer(backend);
    coordinator = await signIn(server, 'coordinator');
    nurse = await signIn(server, 'nurse');
    week = (await api(server, 'GET', '/api/roster?from=2026-11-30', { cookie: nurse })).body as RosterWeek;
  });
  afterAll(() => server?.close());

  it('reads the demo week: every provider has hours, and today has room sessions', () => {
    expect(week).toMatchObject({ from: '2026-11-30', to: '2026-12-06', timezone: 'America/New_York' });
    for (const name of ['Dr. Lee', 'Dr. Sandoval', 'Dr. Achebe', 'Dr. Feld']) {
      const p = person(name);
      expect(p.providerId, name).not.toBeNull();
      expect(week.patterns.find((x) => x.staffId === p.id)?.sessions.length, name).toBeGreaterThan(0);
    }
    const lee = week.shifts.filter((s) => s.staffId === person('Dr. Lee').id);
    expect(lee.map((s) => [s.kind, s.startsAt, s.roomIds.length])).toEqual([
      ['rooms', at('2026-11-30', '08:00'), 2],
      ['rooms', at('2026-11-30', '13:00'), 1],
    ]);
  });

  it('turns a pattern and an exception into the right intervals, loaded for a provider', async () => {
    const lee = person('Dr. Lee');
    const set = await send(coordinator, {
      type: 'SetWorkingPattern',
      staffId: lee.id,
      sessions: [
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '17:00' },
      ],
    });
    expect(set).toMatchObject({ ok: true });
    const added = await send(coordinator, {
      type: 'AddRosterException',
      staffId: lee.id,
      kind: 'training',
      fromDay: '2026-12-01',
      toDay: '2026-12-01',
      start: '15:00',
      end: '17:00',
      note: 'Ultrasound course',
    });
    expect(added).toMatchObject({ ok: true });
    const loaded = await repo.roster.availability(server.database.db, server.clinic.id, {
      providerId: lee.providerId!,
      fromDay: '2026-12-01',
      toDay: '2026-12-01',
    });
    expect(loaded?.staffId).toBe(lee.id);
    const intervals = workingIntervals(
      loaded!.pattern,
      loaded!.exceptions,
      at('2026-12-01', '00:00'),
      at('2026-12-02', '00:00'),
      'America/New_York',
    );
    expect(intervals).toEqual([
      { startsAt: at('2026-12-01', '08:00'), endsAt: at('2026-12-01', '12:00') },
      { startsAt: at('2026-12-01', '13:00'), endsAt: at('2026-12-01', '15:00') },
    ]);
  });

  it('refuses a bad pattern at the field', async () => {
    const result = await send(coordinator, {
      type: 'SetWorkingPattern',
      staffId: person('Dr. Lee').id,
      sessions: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID',
      issues: [{ path: 'sessions.1.start', message: 'Overlaps the session 08:00–12:00 that day' }],
    });
  });

  it('refuses an overlapping duty in words, from the database', async () => {
    const feld = person('Dr. Feld');
    // The demo has Dr. Feld on call tonight 18:00 to 08:00.
    const result = await send(coordinator, {
      type: 'AssignShift',
      staffId: feld.id,
      kind: 'weekend_duty',
      startsAt: at('2026-11-30', '22:00'),
      endsAt: at('2026-12-01', '02:00'),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message:
        'Dr. Feld is already rostered on call Mon 30 Nov 18:00–Tue 1 Dec 08:00; one person cannot be in two places at once.',
    });
    const back = await send(coordinator, {
      type: 'AssignShift',
      staffId: feld.id,
      kind: 'rooms',
      startsAt: at('2026-12-01', '08:00'),
      endsAt: at('2026-12-01', '12:00'),
      roomIds: [week.rooms[2]!.id],
    });
    expect(back).toMatchObject({ ok: true });
  });

  it('refuses a room that is someone else’s in an overlapping session, in words, from the database', async () => {
    const room5 = week.rooms.find((r) => r.name === 'Room 5')!.id;
    const feld = person('Dr. Feld');
    // The demo gives Dr. Achebe rooms 5 and 6 on Monday afternoon.
    const session = { type: 'AssignShift' as const, staffId: feld.id, kind: 'rooms', roomIds: [room5] };
    const refused = await send(coordinator, {
      ...session,
      startsAt: at('2026-11-30', '15:00'),
      endsAt: at('2026-11-30', '17:30'),
    });
    expect(refused).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: "Room 5 is already Dr. Achebe's Mon 30 Nov 13:00–17:00; choose another room or time.",
      issues: [{ path: 'roomIds' }],
    });
    // Nothing of the refused session was kept; right after Dr. Achebe's, the room is free.
    const roster = (await api(server, 'GET', '/api/roster?from=2026-11-30', { cookie: nurse }))
      .body as RosterWeek;
    expect(roster.shifts.filter((s) => s.staffId === feld.id && s.roomIds.includes(room5))).toEqual([]);
    const after = await send(coordinator, {
      ...session,
      startsAt: at('2026-11-30', '17:00'),
      endsAt: at('2026-11-30', '18:00'),
    });
    expect(after).toMatchObject({ ok: true });
  });

  it('lets a nurse read the roster but not change it', async () => {
    const result = await send(nurse, {
      type: 'AssignShift',
      staffId: person('Noor Nurse').id,
      kind: 'on_call',
      startsAt: at('2026-12-02', '18:00'),
      endsAt: at('2026-12-03', '08:00'),
    });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('pushes a new task to another console, and a nurse completes her role’s task', async () => {
    const watcher = await openSocket(server.app.url, { view: 'flowBoard', cookie: nurse });
    try {
      await until(() => watcher.received.some((m) => m.name === 'sync'), 'the nurse’s snapshot');
      const created = await send(coordinator, {
        type: 'CreateDutyTask',
        title: 'Sterilize the otoscope set',
        assignee: { kind: 'role', role: 'nurse' },
        dueAt: at('2026-11-30', '11:00'),
        roomId: week.rooms[1]!.id,
      });
      if (!created.ok || !created.result) throw new Error(JSON.stringify(created));
      const taskId = created.result.taskId;
      const pushed = () =>
        watcher.received
          .filter((m) => m.name === 'event')
          .map((m) => m.data as EventEnvelope<DomainEvent>)
          .filter((e) => e.type === 'DutyTaskCreated' || e.type === 'DutyTaskCompleted')
          .map((e) => (e.payload as { task: DutyTask }).task);
      await until(() => pushed().some((t) => t.id === taskId), 'the task on the nurse’s socket');
      expect(pushed().find((t) => t.id === taskId)).toMatchObject({
        status: 'open',
        title: 'Sterilize the otoscope set',
      });

      expect(await send(nurse, { type: 'CompleteDutyTask', taskId })).toMatchObject({ ok: true });
      await until(() => pushed().some((t) => t.id === taskId && t.status === 'done'), 'the completion');
      const list = await tasks(coordinator);
      expect(list.tasks.find((t) => t.id === taskId)).toMatchObject({
        status: 'done',
        doneBy: person('Noor Nurse').id,
        doneAt: server.clock.now().toISOString(),
      });
      expect(await send(nurse, { type: 'CompleteDutyTask', taskId })).toMatchObject({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
      });
    } finally {
      watcher.socket.disconnect();
    }
  });

  it('keeps a nurse off someone else’s task, and lists the seeded overdue one', async () => {
    const list = await tasks(nurse);
    const leeTask = list.tasks.find((t) => t.assignee.kind === 'staff');
    expect(leeTask).toBeDefined();
    expect(await send(nurse, { type: 'CompleteDutyTask', taskId: leeTask!.id })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    const overdue = list.tasks.filter(
      (t) => t.status === 'open' && t.dueAt < server.clock.now().toISOString(),
    );
    expect(overdue.map((t) => t.title)).toEqual(['Restock room 4']);
  });

  it('reopens a done task and gives an open one another time and assignee, as the task’s rules allow', async () => {
    const created = await send(coordinator, {
      type: 'CreateDutyTask',
      title: 'Check the defibrillator',
      assignee: { kind: 'role', role: 'nurse' },
      dueAt: at('2026-11-30', '12:00'),
    });
    if (!created.ok || !created.result) throw new Error(JSON.stringify(created));
    const taskId = created.result.taskId;
    const task = async () => (await tasks(coordinator)).tasks.find((t) => t.id === taskId)!;
    expect(await send(nurse, { type: 'CompleteDutyTask', taskId })).toMatchObject({ ok: true });
    // The nurse did it, so she may say it was not really done; a stale version is refused.
    expect(await send(nurse, { type: 'ReopenDutyTask', taskId, version: 0 })).toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(
      await send(nurse, { type: 'ReopenDutyTask', taskId, version: (await task()).version }),
    ).toMatchObject({ ok: true });
    expect(await task()).toMatchObject({ status: 'open', doneBy: null, doneAt: null });
    // Only whoever asked for it (or a coordinator) moves it or gives it to someone else.
    const edit = {
      type: 'UpdateDutyTask' as const,
      taskId,
      dueAt: at('2026-11-30', '15:30'),
      assignee: { kind: 'staff', staffId: person('Dr. Lee').id },
    };
    expect(await send(nurse, { ...edit, version: (await task()).version })).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    expect(await send(coordinator, { ...edit, version: (await task()).version })).toMatchObject({ ok: true });
    expect(await task()).toMatchObject({
      status: 'open',
      dueAt: at('2026-11-30', '15:30'),
      assignee: { kind: 'staff', staffId: person('Dr. Lee').id },
    });
    expect(
      await send(coordinator, {
        ...edit,
        assignee: { kind: 'staff', staffId: uuid() },
        version: (await task()).version,
      }),
    ).toMatchObject({ code: 'INVALID', issues: [{ path: 'assignee' }] });
  });

  it('refuses a task with no title or for nobody, at the field', async () => {
    const result = await send(coordinator, {
      type: 'CreateDutyTask',
      title: ' ',
      assignee: { kind: 'staff', staffId: uuid() },
      dueAt: at('2026-11-30', '11:00'),
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', issues: [{ path: 'title' }] });
    const nobody = await send(coordinator, {
      type: 'CreateDutyTask',
      title: 'Restock',
      assignee: { kind: 'staff', staffId: uuid() },
      dueAt: at('2026-11-30', '11:00'),
    });
    expect(nobody).toMatchObject({ ok: false, code: 'INVALID', issues: [{ path: 'assignee' }] });
  });
});
