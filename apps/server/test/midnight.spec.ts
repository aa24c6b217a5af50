import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayBoard, FlowBoard, Visit } from '@clinicflow/domain';
import type { CommandResult, SyncMessage } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { ensureDemoDay } from '../src/seed/seed.service';
import {
  openSocket,
  pairDevice,
  signIn,
  startTestServer,
  until,
  type TestServer,
  type TestSocket,
} from './harness';

const uuid = () => crypto.randomUUID();
type Snapshot<V extends 'flowBoard' | 'displayBoard'> = Extract<SyncMessage<V>, { kind: 'snapshot' }>;

describe.each(testBackends)('the clinic day ends at midnight, in the clinic’s time zone (%s)', (backend) => {
  let server: TestServer;
  let kiosk: TestSocket;
  let consoleView: Awaited<ReturnType<typeof openSocket>>;
  let display: Awaited<ReturnType<typeof openSocket>>;

  const snapshots = <V extends 'flowBoard' | 'displayBoard'>(view: {
    received: { name: string; data: unknown }[];
  }) =>
    view.received
      .filter((r) => r.name === 'sync' && (r.data as { kind: string }).kind === 'snapshot')
      .map((r) => r.data as Snapshot<V>);
  const lookUp = (v: Visit) =>
    kiosk.emitWithAck('findAppointment', {
      lastName: v.patient.lastName,
      dateOfBirth: v.patient.dateOfBirth,
    });
  const checkIn = async (v: Visit) => {
    await lookUp(v);
    return (await kiosk.emitWithAck('command', {
      type: 'CheckInPatient',
      commandId: uuid(),
      visitId: v.id,
    })) as CommandResult;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    const admin = await signIn(server, 'admin');
    kiosk = (
      await openSocket(server.app.url, {
        view: 'kiosk',
        deviceToken: await pairDevice(server, admin, 'kiosk'),
      })
    ).socket;
    consoleView = await openSocket(server.app.url, {
      view: 'flowBoard',
      cookie: await signIn(server, 'coordinator'),
    });
    display = await openSocket(server.app.url, {
      view: 'displayBoard',
      deviceToken: await pairDevice(server, admin, 'waiting_room_display'),
    });
    await until(
      () => snapshots(consoleView).length === 1 && snapshots(display).length === 1,
      'first snapshots',
    );
  });
  afterAll(() => server?.close());

  it('at 23:59 today’s patients still check in; at 00:00 the open boards turn to the new day by themselves', async () => {
    const yesterday = snapshots<'flowBoard'>(consoleView)[0]!.state as FlowBoard;
    expect(yesterday.day).toBe('2026-11-30');
    const [first, second, late] = Object.values(yesterday.visits).filter((v) => v.status === 'booked');

    // 23:59 in New York is already 04:59 on 1 December in UTC: still the 30th for the clinic.
    server.clock.set('2026-12-01T04:59:00Z');
    expect(await checkIn(first!)).toMatchObject({ ok: true, result: { ticketCode: 'A-001' } });
    expect(await checkIn(second!)).toMatchObject({ ok: true, result: { ticketCode: 'A-002' } });
    expect(await lookUp(late!)).toMatchObject({ ok: true });

    server.clock.set('2026-12-01T05:00:00Z'); // midnight in New York
    await until(
      () => snapshots(consoleView).length === 2 && snapshots(display).length === 2,
      'the new day',
      5000,
    );
    const today = snapshots<'flowBoard'>(consoleView)[1]!.state as FlowBoard;
    expect(today.day).toBe('2026-12-01');
    expect(Object.keys(today.visits)).toEqual([]);
    // The waiting room no longer lists last night's.
    expect(display.received.some((r) => r.raw.includes('A-002'))).toBe(true);
    const board = snapshots<'displayBoard'>(display)[1]!.state as DisplayBoard;
    expect(Object.keys(board.visits)).toEqual([]);
    // Yesterday's appointment is not today's: the kiosk finds nothing, the patient goes to the desk.
    expect(await lookUp(late!)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The new day's tickets start again at A-001.
    await ensureDemoDay(server.database.db, { clinic: server.clinic, now: server.clock.now() });
    const resync = await openSocket(server.app.url, {
      view: 'flowBoard',
      cookie: await signIn(server, 'coordinator'),
    });
    await until(() => resync.received.length > 0, 'the new day’s board');
    const booked = Object.values((resync.received[0]!.data as Snapshot<'flowBoard'>).state.visits).filter(
      (v) => v.status === 'booked',
    );
    resync.socket.disconnect();
    expect(await checkIn(booked[0]!)).toMatchObject({ ok: true, result: { ticketCode: 'A-001' } });
  });
});
