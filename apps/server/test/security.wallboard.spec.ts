import { describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, SyncMessage } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { openSocket, pairDevice, signIn, startTestServer, until } from './harness';

const uuid = () => crypto.randomUUID();

describe.each(testBackends)('a wallboard over a whole simulated day (%s)', (backend) => {
  it('receives only allow-listed fields in every snapshot and event', async () => {
    const server = await startTestServer(backend);
    try {
      const admin = await signIn(server, 'admin');
      const coordinator = await signIn(server, 'coordinator');
      const lateDisplay = await pairDevice(server, admin, 'room_status_display');
      const wall = await openSocket(server.app.url, {
        view: 'displayBoard',
        deviceToken: await pairDevice(server, admin, 'waiting_room_display'),
      });
      const kiosk = (
        await openSocket(server.app.url, {
          view: 'kiosk',
          deviceToken: await pairDevice(server, admin, 'kiosk'),
        })
      ).socket;
      const desk = (await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator })).socket;
      const boardNow = async () => {
        const s = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
        await until(() => s.received.length > 0, 'snapshot');
        s.socket.disconnect();
        return (s.received[0]!.data as Extract<SyncMessage<'flowBoard'>, { kind: 'snapshot' }>).state;
      };
      const send = (cmd: object): Promise<CommandResult> =>
        desk.emitWithAck('command', { commandId: uuid(), ...cmd });
      const visits = Object.values((await boardNow()).visits);
      // The whole day: most patients seen, one no-show, one leaves without being seen.
      for (const [i, v] of visits.entries()) {
        if (i === 3) {
          await send({ type: 'MarkNoShow', visitId: v.id, version: v.version });
          continue;
        }
        await kiosk.emitWithAck('findAppointment', {
          lastName: v.patient.lastName,
          dateOfBirth: v.patient.dateOfBirth,
        });
        expect(
          (await kiosk.emitWithAck('command', { commandId: uuid(), type: 'CheckInPatient', visitId: v.id }))
            .ok,
        ).toBe(true);
        server.clock.advance(7);
        let current: Visit = (await boardNow()).visits[v.id]!;
        if (i === 5) {
          await send({ type: 'MarkLeftWithoutBeingSeen', visitId: v.id, version: current.version });
          continue;
        }
        const room = Object.values((await boardNow()).rooms).find((r) => r.status === 'available')!;
        for (const step of [
          'CallPatient',
          'MarkPatientInRoom',
          'StartConsultation',
          'CheckOutPatient',
        ] as const) {
          const r = await send({ type: step, visitId: v.id, roomId: room.id, version: current.version });
          expect(r.ok, `${step}: ${JSON.stringify(r)}`).toBe(true);
          current = (await boardNow()).visits[v.id]!;
          server.clock.advance(3);
        }
        const dirty = (await boardNow()).rooms[room.id]!;
        await send({ type: 'MarkRoomCleaned', roomId: room.id, version: dirty.version });
      }
      // A display reconnecting from zero replays the day too.
      const replayed = await openSocket(server.app.url, {
        view: 'displayBoard',
        lastSeq: 0,
        deviceToken: lateDisplay,
      });
      await until(() => replayed.received.length > 0, 'replay');
      const messages = [...wall.received, ...replayed.received].map((r) => r.data);
      expect(wall.received.length).toBeGreaterThan(100);

      const allowed = new Set([
        'kind',
        'state',
        'seq',
        'prev',
        'at',
        'serverTime',
        'events',
        'type',
        'payload',
        'clinic',
        'clinic.name',
        'clinic.timezone',
        'clinic.displayPrivacy',
        'clinic.displayNotice',
        'clinic.roomThresholds',
        'clinic.roomThresholds.occupied',
        'clinic.roomThresholds.needs_cleaning',
        'providers.*.delayMinutes',
        'equipment',
        'equipment.*',
        'equipment.*.id',
        'equipment.*.name',
        'equipment.*.roomId',
        'equipment.*.status',
        'providers',
        'providers.*',
        'providers.*.id',
        'providers.*.name',
        'rooms',
        'rooms.*',
        'rooms.*.id',
        'rooms.*.name',
        'rooms.*.status',
        'rooms.*.statusSince',
        'visits',
        'visits.*',
        'visits.*.id',
        'visits.*.label',
        'visits.*.status',
        'visits.*.roomId',
        'visits.*.providerId',
        'visits.*.statusSince',
        'visits.*.queuedAt',
        'visits.*.calledAt',
        'visit',
        'visit.id',
        'visit.label',
        'visit.status',
        'visit.roomId',
        'visit.providerId',
        'visit.statusSince',
        'visit.queuedAt',
        'visit.calledAt',
        'room',
        'room.id',
        'room.name',
        'room.status',
        'room.statusSince',
        'id',
      ]);
      const paths = new Set<string>();
      const walk = (value: unknown, path: string, mapKeys: boolean) => {
        if (Array.isArray(value)) return value.forEach((v) => walk(v, path, false));
        if (value === null || typeof value !== 'object') return;
        for (const [k, v] of Object.entries(value)) {
          const segment = mapKeys ? '*' : k;
          const p = path ? `${path}.${segment}` : segment;
          paths.add(p.replace(/^(state|events|payload)\.?/, '').replace(/^payload\./, '') || k);
          walk(v, p, ['providers', 'rooms', 'visits', 'equipment'].includes(k) && path.endsWith('state'));
        }
      };
      for (const m of messages) walk(m, '', false);
      const unexpected = [...paths].filter((p) => p && !allowed.has(p));
      expect(unexpected, JSON.stringify(unexpected)).toEqual([]);
      const everything = JSON.stringify(messages);
      for (const v of visits) {
        expect(everything).not.toContain(v.patient.lastName);
        expect(everything).not.toContain(v.patient.dateOfBirth);
        expect(everything).not.toContain(v.patientId);
      }
    } finally {
      await server.close();
    }
  });
});
