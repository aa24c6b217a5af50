import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingQueue, type DomainEvent, type EventEnvelope, type Visit } from '@clinicflow/domain';
import { isCheckInResult, type CommandResult, type SyncMessage } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import {
  api,
  openSocket,
  snapshotOf,
  pairDevice,
  signIn,
  startTestServer,
  until,
  type TestServer,
  type TestSocket,
} from './harness';

const uuid = () => crypto.randomUUID();

describe.each(testBackends)('realtime server on %s', (backend) => {
  let server: TestServer;
  let consoleSocket: TestSocket;
  let kiosk: TestSocket;
  let coordinator: string;
  let displayToken: string;

  const send = (socket: TestSocket, command: object): Promise<CommandResult> =>
    socket.timeout(10_000).emitWithAck('command', { commandId: uuid(), ...command });
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
  const visitsIn = async (status: Visit['status']) =>
    Object.values((await board()).visits).filter((v) => v.status === status);
  const freeRoom = async () => Object.values((await board()).rooms).find((r) => r.status === 'available')!;
  /** What a patient does at the kiosk: look the appointment up, then check in. */
  const checkIn = async (visit: Visit, commandId = uuid()) => {
    await kiosk.emitWithAck('findAppointment', {
      lastName: visit.patient.lastName,
      dateOfBirth: visit.patient.dateOfBirth,
    });
    return send(kiosk, { type: 'CheckInPatient', commandId, visitId: visit.id });
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    coordinator = await signIn(server, 'coordinator');
    const admin = await signIn(server, 'admin');
    displayToken = await pairDevice(server, admin, 'waiting_room_display');
    const kioskToken = await pairDevice(server, admin, 'kiosk');
    consoleSocket = (await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator })).socket;
    kiosk = (await openSocket(server.app.url, { view: 'kiosk', deviceToken: kioskToken })).socket;
  });
  afterAll(async () => {
    consoleSocket?.disconnect();
    kiosk?.disconnect();
    await server?.close();
  });

  it('checks a patient in from the kiosk: ticket A-001, and the console sees them waiting without reloading', async () => {
    const watcher = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
    await until(() => watcher.received.length === 1, 'snapshot');
    const [visit] = await visitsIn('booked');
    const found = await kiosk.emitWithAck('findAppointment', {
      lastName: visit!.patient.lastName.toUpperCase(),
      dateOfBirth: visit!.patient.dateOfBirth,
    });
    expect(found).toEqual({
      ok: true,
      match: {
        visitId: visit!.id,
        firstName: visit!.patient.firstName,
        scheduledAt: visit!.scheduledAt,
        status: 'booked',
        survey: null,
      },
    });

    const result = await send(kiosk, { type: 'CheckInPatient', visitId: visit!.id });
    expect(result).toMatchObject({ ok: true, result: { ticketCode: 'A-001', estimatedMinutes: 0 } });
    // Checked in and forgotten: the kiosk cannot act on that patient again without a new lookup.
    const again = await send(kiosk, { type: 'CancelVisit', visitId: visit!.id, version: 2 });
    expect(again).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    await until(() => watcher.received.length === 3, 'two events');
    const events = watcher.received.slice(1).map((r) => r.data as EventEnvelope<DomainEvent>);
    expect(events.map((e) => e.type)).toEqual(['VisitCheckedIn', 'VisitStatusChanged']);
    expect(events[1]).toMatchObject({
      payload: { visit: { id: visit!.id, status: 'waiting', ticketCode: 'A-001' } },
    });
    watcher.socket.disconnect();
  });

  it('applies a repeated commandId once and returns the stored result', async () => {
    const [visit] = await visitsIn('booked');
    await kiosk.emitWithAck('findAppointment', {
      lastName: visit!.patient.lastName,
      dateOfBirth: visit!.patient.dateOfBirth,
    });
    const command = { type: 'CheckInPatient', commandId: uuid(), visitId: visit!.id };
    const [first, second] = await Promise.all([send(kiosk, command), send(kiosk, command)]);
    // The kiosk has forgotten the patient (nothing left to ask), but its own retry still gets the stored answer,
    // and so does anyone else's.
    const fromKiosk = await send(kiosk, command);
    const fromConsole = await send(consoleSocket, command);
    expect(first).toEqual(second);
    expect(fromKiosk).toEqual(first);
    expect(fromConsole).toEqual(first);
    expect(first).toMatchObject({ ok: true, result: { ticketCode: 'A-002' } });
    const events = await repo.events.listAfter(server.database.db, {
      clinicId: server.clinic.id,
      afterSeq: 0,
      displayOnly: false,
      limit: 1000,
    });
    expect(
      events.filter((e) => e.event.type === 'VisitCheckedIn' && e.event.payload.visit.id === visit!.id),
    ).toHaveLength(1);
  });

  it('refuses a stale edit with the current state and changes nothing', async () => {
    const [waiting] = await visitsIn('waiting');
    const room = await freeRoom();
    const called = await send(consoleSocket, {
      type: 'CallPatient',
      visitId: waiting!.id,
      roomId: room.id,
      version: waiting!.version,
    });
    expect(called.ok).toBe(true);
    // A second coordinator still looking at the old version tries to mark a no-show.
    const stale = await send(consoleSocket, {
      type: 'ReturnPatientToWaiting',
      visitId: waiting!.id,
      version: waiting!.version,
    });
    expect(stale).toMatchObject({
      ok: false,
      code: 'STALE_VERSION',
      message: `Someone else just acted on this visit: ${waiting!.ticketCode} is now called to ${room.name}.`,
      current: { id: waiting!.id, status: 'called', roomId: room.id },
    });
    expect((await board()).visits[waiting!.id]!.status).toBe('called');
  });

  it('refuses to call a patient to a room that is already taken, and says which room', async () => {
    const [a] = await visitsIn('waiting');
    const taken = Object.values((await board()).rooms).find((r) => r.status === 'occupied')!;
    const result = await send(consoleSocket, {
      type: 'CallPatient',
      visitId: a!.id,
      roomId: taken.id,
      version: a!.version,
    });
    const free = Object.values((await board()).rooms)
      .filter((r) => r.status === 'available')
      .map((r) => r.name)
      .sort((x, y) => x.localeCompare(y, undefined, { numeric: true }));
    expect(free.length).toBeGreaterThan(0);
    expect(result).toMatchObject({
      ok: false,
      code: 'ROOM_NOT_AVAILABLE',
      message: `${taken.name} was just taken; free rooms: ${free.join(', ')}.`,
    });
  });

  it('two coordinators: the second sees the first call live, and a call to the room just taken says what is free', async () => {
    // Two patients in the waiting room (a check-in with forms left is sent on by the desk).
    for (const visit of (await visitsIn('booked')).slice(0, 2)) {
      expect(await checkIn(visit)).toMatchObject({ ok: true });
      const now = (await board()).visits[visit.id]!;
      if (now.status === 'arrived')
        await send(consoleSocket, { type: 'SendToWaitingRoom', visitId: now.id, version: now.version });
    }
    const second = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
    const sync = () => second.received.find((m) => m.name === 'sync');
    await until(() => sync() !== undefined, 'snapshot');
    const seen = (sync()!.data as { state: { visits: Record<string, Visit> } }).state;
    // Both look at the same two waiting patients and the same free room.
    const [mine, theirs] = Object.values(seen.visits).filter((v) => v.status === 'waiting');
    expect(theirs).toBeDefined();
    const room = await freeRoom();
    expect(
      await send(consoleSocket, {
        type: 'CallPatient',
        visitId: theirs!.id,
        roomId: room.id,
        version: theirs!.version,
      }),
    ).toMatchObject({ ok: true });
    await until(
      () =>
        second.received.some(
          (r) =>
            (r.data as EventEnvelope<DomainEvent>).type === 'VisitStatusChanged' &&
            (r.data as EventEnvelope<DomainEvent & { type: 'VisitStatusChanged' }>).payload.visit.id ===
              theirs!.id,
        ),
      'the first coordinator’s call, live',
    );
    // The second had picked that same room for their patient a moment before.
    const late = await send(second.socket, {
      type: 'CallPatient',
      visitId: mine!.id,
      roomId: room.id,
      version: mine!.version,
    });
    const free = Object.values((await board()).rooms)
      .filter((r) => r.status === 'available')
      .map((r) => r.name)
      .sort((x, y) => x.localeCompare(y, undefined, { numeric: true }));
    expect(late).toMatchObject({
      ok: false,
      code: 'ROOM_NOT_AVAILABLE',
      message: `${room.name} was just taken; free rooms: ${free.join(', ')}.`,
    });
    // And acting on the patient the first one just called is refused with how that visit stands now.
    const again = await send(second.socket, {
      type: 'CallPatient',
      visitId: theirs!.id,
      roomId: (await freeRoom()).id,
      version: theirs!.version,
    });
    expect(again).toMatchObject({
      ok: false,
      code: 'STALE_VERSION',
      message: `Someone else just acted on this visit: ${theirs!.ticketCode} is now called to ${room.name}.`,
    });
    expect((await board()).visits[mine!.id]!.status).toBe('waiting');
    second.socket.disconnect();
  });

  it('rejects a malformed command with a specific message', async () => {
    const result = await send(consoleSocket, { type: 'CallPatient', visitId: 'not-a-uuid', version: -1 });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ code: 'VALIDATION' });
    const paths = (result as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['visitId', 'roomId', 'version']));
  });

  it('lets a display send no command', async () => {
    const display = await openSocket(server.app.url, { view: 'displayBoard', deviceToken: displayToken });
    const room = await freeRoom();
    const result = await send(display.socket, {
      type: 'TakeRoomOutOfService',
      roomId: room.id,
      version: room.version,
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    display.socket.disconnect();
  });

  it('replays exactly the 5 events a console missed while disconnected, in order', async () => {
    const first = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
    await until(() => first.received.length === 1, 'snapshot');
    const lastSeq = (first.received[0]!.data as SyncMessage<'flowBoard'>).seq;
    first.socket.disconnect();

    // 5 events while away: two check-ins (2 events each) and one room taken out of service.
    const booked = await visitsIn('booked');
    for (const v of booked.slice(0, 2)) expect((await checkIn(v)).ok).toBe(true);
    const room = await freeRoom();
    expect(
      (await send(consoleSocket, { type: 'TakeRoomOutOfService', roomId: room.id, version: room.version }))
        .ok,
    ).toBe(true);

    const again = await openSocket(server.app.url, { view: 'flowBoard', lastSeq, cookie: coordinator });
    await until(() => again.received.length >= 1, 'replay');
    const sync = again.received[0]!.data as Extract<SyncMessage<'flowBoard'>, { kind: 'replay' }>;
    expect(sync.kind).toBe('replay');
    expect(sync.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((i) => lastSeq + i));
    expect(sync.events.map((e) => e.type)).toEqual([
      'VisitCheckedIn',
      'VisitStatusChanged',
      'VisitCheckedIn',
      'VisitStatusChanged',
      'RoomStatusChanged',
    ]);
    expect(sync.events.every((e, i) => e.prev === lastSeq + i)).toBe(true);
    again.socket.disconnect();
  });

  it('replays a gap up to the retention limit and gives a snapshot past it, to consoles and displays alike', async () => {
    const limited = await startTestServer(backend, { replayLimit: 3 });
    try {
      const nurse = await signIn(limited, 'nurse');
      const wallToken = await pairDevice(limited, await signIn(limited, 'admin'), 'waiting_room_display');
      const first = async (view: 'flowBoard' | 'displayBoard', lastSeq: number | null) => {
        const s = await openSocket(limited.app.url, {
          view,
          lastSeq,
          ...(view === 'flowBoard' ? { cookie: nurse } : { deviceToken: wallToken }),
        });
        await until(() => s.received.length === 1, `${view} sync`);
        s.socket.disconnect();
        return s.received[0]!.data as SyncMessage<typeof view>;
      };
      const before = {
        console: (await first('flowBoard', null)).seq,
        display: (await first('displayBoard', null)).seq,
      };
      // Four changes both scopes see: a console 4 behind, or a display 4 behind, is past the limit of 3.
      const provider = Object.values(
        (await snapshotOf(limited, { view: 'flowBoard', cookie: nurse })).providers,
      )[0]!;
      for (const minutes of [5, 10, 15, 20]) {
        const result = (
          await api(limited, 'POST', '/api/commands', {
            cookie: nurse,
            body: { commandId: uuid(), type: 'AnnounceDelay', providerId: provider.id, minutes },
          })
        ).body as CommandResult;
        expect(result.ok).toBe(true);
      }
      const delays = (sync: SyncMessage<'flowBoard' | 'displayBoard'>) =>
        sync.kind === 'replay'
          ? sync.events.map(
              (e) => (e.payload as { provider: { delayMinutes: number } }).provider.delayMinutes,
            )
          : sync.kind;
      // Three behind: the replay of exactly what was missed.
      const consoleReplay = await first('flowBoard', before.console + 1);
      expect(delays(consoleReplay)).toEqual([10, 15, 20]);
      const firstDelaySeq = (consoleReplay as Extract<SyncMessage<'flowBoard'>, { kind: 'replay' }>)
        .events[0]!.prev;
      expect(delays(await first('displayBoard', firstDelaySeq))).toEqual([10, 15, 20]);
      // Four behind: one more than is kept for replay, so a fresh snapshot instead.
      expect(delays(await first('flowBoard', before.console))).toBe('snapshot');
      expect(delays(await first('displayBoard', before.display))).toBe('snapshot');
    } finally {
      await limited.close();
    }
  });

  it('sends a wallboard only display projections: never a date of birth, full name or reason', async () => {
    const wall = await openSocket(server.app.url, { view: 'displayBoard', deviceToken: displayToken });
    await until(() => wall.received.length === 1, 'display snapshot');
    // Drive a stretch of the day: check in, call, room, check out, clean.
    for (const v of (await visitsIn('booked')).slice(0, 3)) expect((await checkIn(v)).ok).toBe(true);
    for (let i = 0; i < 3; i++) {
      const [w] = await visitsIn('waiting');
      const room = await freeRoom();
      if (!w || !room) break;
      const step = async (type: string, extra: object = {}) => {
        const version = (await board()).visits[w.id]!.version;
        expect(await send(consoleSocket, { type, visitId: w.id, version, ...extra }), type).toMatchObject({
          ok: true,
        });
      };
      await step('CallPatient', { roomId: room.id });
      await step('MarkPatientInRoom');
      await step('CheckOutPatient');
    }
    const full = await board();
    expect(
      Object.values(full.visits).filter((v) => v.status === 'checked_out').length,
    ).toBeGreaterThanOrEqual(3);
    await until(() => wall.received.length > 5, 'display events');
    const everything = wall.received.map((r) => r.raw).join('\n');
    for (const v of Object.values(full.visits)) {
      expect(everything).not.toContain(v.patient.dateOfBirth);
      expect(everything).not.toContain(v.patient.lastName);
      expect(everything).not.toContain(v.patientId);
      if (v.reason) expect(everything).not.toContain(v.reason);
    }
    expect(everything).toContain('A-00');
    wall.socket.disconnect();
  });

  it('finds nobody for a wrong date of birth and sends twins with the same name to the desk', async () => {
    const [v] = await visitsIn('booked');
    const wrong = await kiosk.emitWithAck('findAppointment', {
      lastName: v!.patient.lastName,
      dateOfBirth: '1901-01-01',
    });
    expect(wrong).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A visit already under way or over is not checked in twice, and the patient is told where they stand.
    const [done] = await visitsIn('waiting');
    await kiosk.emitWithAck('findAppointment', {
      lastName: done!.patient.lastName,
      dateOfBirth: done!.patient.dateOfBirth,
    });
    expect(await send(kiosk, { type: 'CheckInPatient', visitId: done!.id })).toMatchObject({
      ok: false,
      message: 'You are already checked in.',
    });
    const invalid = await kiosk.emitWithAck('findAppointment', {
      lastName: v!.patient.lastName,
      dateOfBirth: '1990-02-31',
    });
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  // The screen knows neither kinds nor appointment times (private); the ticket counts both, so it may say more.
  it('gives each patient who checks in a wait no shorter than the waiting-room screen shows', async () => {
    const booked = await visitsIn('booked');
    const rooms = Object.values((await board()).rooms).filter((r) => r.status !== 'out_of_service').length;
    const estimates: number[] = [];
    for (const visit of booked.slice(0, rooms + 2)) {
      // A minute apart, so the queue's order is the order they came in.
      server.clock.advance(1);
      const result = await checkIn(visit);
      if (!result.ok || !isCheckInResult(result.result))
        throw new Error(`refused: ${JSON.stringify(result)}`);
      const screen = waitingQueue(
        await snapshotOf(server, { view: 'displayBoard', deviceToken: displayToken }),
        server.clock.now(),
      );
      expect(result.result.estimatedMinutes).toBeGreaterThanOrEqual(
        screen.find((t) => t.id === visit.id)!.estimatedMinutes,
      );
      estimates.push(result.result.estimatedMinutes);
    }
    // More patients than rooms: the last ones wait for a room to come free.
    expect(estimates.at(-1)).toBeGreaterThan(0);
  });

  it('refuses an appointment lookup from anyone but a kiosk, by the permission table and not the transport', async () => {
    const [visit] = await visitsIn('booked');
    const query = { lastName: visit!.patient.lastName, dateOfBirth: visit!.patient.dateOfBirth };
    expect(await consoleSocket.timeout(5000).emitWithAck('findAppointment', query)).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      message: 'Only a kiosk looks up appointments.',
    });
  });
});
