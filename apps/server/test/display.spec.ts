import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import {
  defaultDisplayConfig,
  type DisplayBoard,
  type DisplayConfig,
  type DisplayEvent,
  type EventEnvelope,
  type Visit,
} from '@clinicflow/domain';
import type { CommandResult, SyncMessage } from '@clinicflow/contracts';
import {
  api,
  openSocket,
  pairDevice,
  signIn,
  snapshotOf,
  startTestServer,
  until,
  type TestServer,
} from './harness';

const uuid = () => crypto.randomUUID();

describe.each(testBackends)('display settings, delays, equipment and per-screen privacy (%s)', (backend) => {
  let server: TestServer;
  let admin: string;
  let coordinator: string;

  const command = async (cookie: string, body: object) =>
    (await api(server, 'POST', '/api/commands', { cookie, body: { commandId: uuid(), ...body } }))
      .body as CommandResult;
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
  const snapshots = (received: { name: string; data: unknown }[]) =>
    received
      .filter((r) => r.name === 'sync' && (r.data as SyncMessage<'displayBoard'>).kind === 'snapshot')
      .map(
        (r) => (r.data as Extract<SyncMessage<'displayBoard'>, { kind: 'snapshot' }>).state as DisplayBoard,
      );

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signIn(server, 'admin');
    coordinator = await signIn(server, 'coordinator');
  });
  afterAll(() => server?.close());

  it('shows a provider delay, the notice and broken equipment on the wallboard, live', async () => {
    const wall = await openSocket(server.app.url, {
      view: 'displayBoard',
      deviceToken: await pairDevice(server, admin, 'room_status_display'),
    });
    await until(() => wall.received.length > 0, 'snapshot');
    const b = await board();
    const provider = Object.values(b.providers)[0]!;
    const item = Object.values(b.equipment)[0]!;
    expect(
      await command(coordinator, { type: 'AnnounceDelay', providerId: provider.id, minutes: 20 }),
    ).toMatchObject({ ok: true });
    expect(
      await command(coordinator, {
        type: 'UpdateDisplaySettings',
        displayNotice: 'Flu shots today, no appointment needed',
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await command(coordinator, {
        type: 'SetEquipmentStatus',
        equipmentId: item.id,
        status: 'out_of_service',
        version: item.version,
      }),
    ).toMatchObject({ ok: true });
    await until(() => wall.received.filter((r) => r.name === 'event').length >= 3, 'three display events');
    const events = wall.received
      .filter((r) => r.name === 'event')
      .map((r) => r.data as EventEnvelope<DisplayEvent>);
    expect(events.map((e) => e.type)).toEqual([
      'DisplayProviderUpdated',
      'DisplaySettingsUpdated',
      'DisplayEquipmentUpdated',
    ]);
    expect(events[0]!.payload).toEqual({
      provider: { id: provider.id, name: provider.name, delayMinutes: 20 },
    });
    // Exactly these two settings: an extra field on a public screen's message must fail here.
    expect(events[1]!.payload).toEqual({
      displayNotice: 'Flu shots today, no appointment needed',
      roomThresholds: b.clinic.roomThresholds,
    });
    expect(events[2]!.payload).toEqual({
      equipment: { id: item.id, name: item.name, roomId: item.roomId, status: 'out_of_service' },
    });
    // The front desk may announce delays but not change clinic-wide display settings.
    const desk = await signIn(server, 'frontdesk');
    const refused = await api(server, 'POST', '/api/commands', {
      cookie: desk,
      body: { type: 'UpdateDisplaySettings', commandId: uuid(), displayNotice: 'x' },
    });
    expect(refused.status).toBe(403);
    wall.socket.disconnect();
  });

  it('labels patients by first name only on screens set to it, and only when the clinic allows it; changes apply live', async () => {
    // A waiting patient to label.
    const kioskToken = await pairDevice(server, admin, 'kiosk');
    const kiosk = await openSocket(server.app.url, { view: 'kiosk', deviceToken: kioskToken });
    const visit = Object.values((await board()).visits).find((v) => v.status === 'booked') as Visit;
    await kiosk.socket.emitWithAck('findAppointment', {
      lastName: visit.patient.lastName,
      dateOfBirth: visit.patient.dateOfBirth,
    });
    const checkIn = (await kiosk.socket.emitWithAck('command', {
      type: 'CheckInPatient',
      commandId: uuid(),
      visitId: visit.id,
    })) as {
      ok: true;
      result: { ticketCode: string };
    };
    const nameLabel = `${visit.patient.firstName} ${visit.patient.lastName[0]}.`;

    const lobbyToken = await pairDevice(server, admin, 'waiting_room_display', 'Lobby TV');
    const devices = (await api(server, 'GET', '/api/devices', { cookie: admin })).body as {
      id: string;
      name: string;
      config: DisplayConfig;
    }[];
    const lobby = devices.find((d) => d.name === 'Lobby TV')!;
    expect(lobby.config).toEqual(defaultDisplayConfig('waiting_room_display'));
    const wall = await openSocket(server.app.url, { view: 'displayBoard', deviceToken: lobbyToken });
    const other = await openSocket(server.app.url, {
      view: 'displayBoard',
      deviceToken: await pairDevice(server, admin, 'waiting_room_display', 'Hall TV'),
    });
    await until(
      () => snapshots(wall.received).length === 1 && snapshots(other.received).length === 1,
      'snapshots',
    );
    expect(snapshots(wall.received)[0]!.visits[visit.id]!.label).toBe(checkIn.result.ticketCode);
    const configs: DisplayConfig[] = [];
    wall.socket.on('displayConfig', (c) => configs.push(c));

    // The screen asks for names, but the clinic does not allow them yet: still the ticket.
    const withNames = { ...lobby.config, privacy: 'first_name_initial' as const, sound: false };
    const updated = await api(server, 'PATCH', `/api/devices/${lobby.id}`, {
      cookie: admin,
      body: { config: withNames },
    });
    expect(updated.status).toBe(200);
    await until(
      () => configs.length === 1 && snapshots(wall.received).length === 2,
      'config pushed and resnapshot',
    );
    expect(configs[0]).toEqual(withNames);
    expect(snapshots(wall.received)[1]!.visits[visit.id]!.label).toBe(checkIn.result.ticketCode);

    // The clinic allows names: that screen shows "Ana A.", the other keeps tickets.
    expect(
      await command(admin, { type: 'UpdateDisplaySettings', displayPrivacy: 'first_name_initial' }),
    ).toMatchObject({ ok: true });
    await until(
      () => snapshots(wall.received).length === 3 && snapshots(other.received).length === 2,
      'regrouped',
    );
    expect(snapshots(wall.received)[2]!.visits[visit.id]!.label).toBe(nameLabel);
    expect(snapshots(other.received)[1]!.visits[visit.id]!.label).toBe(checkIn.result.ticketCode);
    expect(JSON.stringify(other.received)).not.toContain(visit.patient.firstName);

    // Live events follow each screen's group.
    const room = Object.values((await board()).rooms).find((r) => r.status === 'available')!;
    const current = (await board()).visits[visit.id]!;
    await command(coordinator, {
      type: 'CallPatient',
      visitId: visit.id,
      roomId: room.id,
      version: current.version,
    });
    const called = (r: { name: string; data: unknown }[]) =>
      r
        .filter((x) => x.name === 'event')
        .map((x) => x.data as EventEnvelope<DisplayEvent>)
        .find((e) => e.type === 'DisplayVisitUpdated' && e.payload.visit.status === 'called');
    await until(() => !!called(wall.received) && !!called(other.received), 'call on both screens');
    // The whole message, so that a field a public screen must not get fails here.
    const calledAs = (label: string) => ({
      visit: {
        id: visit.id,
        label,
        status: 'called',
        roomId: room.id,
        providerId: current.providerId,
        statusSince: expect.any(String),
        queuedAt: expect.any(String),
        calledAt: expect.any(String),
      },
    });
    expect(called(wall.received)!.payload).toEqual(calledAs(nameLabel));
    expect(called(other.received)!.payload).toEqual(calledAs(checkIn.result.ticketCode));
    wall.socket.disconnect();
    other.socket.disconnect();
    kiosk.socket.disconnect();
  });
});
