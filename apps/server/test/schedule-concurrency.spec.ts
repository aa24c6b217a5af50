import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, CommandType, ScheduleDay } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { api, signIn, snapshotOf, startTestServer, type TestServer } from './harness';

// The test clock reads 09:00 in New York on 2026-11-30; 2026-12-02's book is empty.
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2026, 11, 2, h + 5, m)).toISOString(); // EST = UTC−5
};

describe.each(testBackends)('concurrent moves on %s', (backend) => {
  let server: TestServer;
  let desk: string;
  let visits: Visit[];
  let book: ScheduleDay;
  const send = async <T extends CommandType>(command: { type: T } & Record<string, unknown>) =>
    (
      await api(server, 'POST', '/api/commands', {
        cookie: desk,
        body: { commandId: crypto.randomUUID(), ...command },
      })
    ).body as CommandResult<T>;
  const day = async (d: string) =>
    (await api(server, 'GET', `/api/schedule?day=${d}`, { cookie: desk })).body as ScheduleDay;
  const room = (name: string) => book.rooms.find((r) => r.name === name)!.id;
  const patient = (k: number) => visits[k]!.patientId;
  // Dr. Lee and Dr. Sandoval both work 08:00–12:00 and 13:00–18:00 on Wednesdays.
  const provider = (k: number) =>
    book.providers.find((p) => p.name === (k % 2 ? 'Dr. Sandoval' : 'Dr. Lee'))!.id;

  beforeAll(async () => {
    server = await startTestServer(backend);
    desk = await signIn(server, 'frontdesk');
    visits = Object.values((await snapshotOf(server, { view: 'flowBoard', cookie: desk })).visits);
    book = await day('2026-12-02');
  });
  afterAll(() => server?.close());

  it('20 concurrent moves onto overlapping times never leave an overlap in the database', async () => {
    const ids: string[] = [];
    for (let k = 0; k < 20; k++) {
      const start = Date.parse(k < 16 ? at('08:00') : at('13:00')) + (k % 16) * 15 * 60_000;
      const booked = await send({
        type: 'BookAppointment',
        patientId: patient(8 + k),
        providerId: provider(k),
        roomId: room('Room 6'),
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 15 * 60_000).toISOString(),
      });
      if (!booked.ok) throw new Error(JSON.stringify(booked));
      ids.push(booked.result.appointmentId);
    }
    const moves = await Promise.all(
      ids.map((appointmentId, k) => {
        const start = Date.parse(at('16:30')) + (k % 5) * 10 * 60_000;
        return send({
          type: 'MoveAppointment',
          appointmentId,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 30 * 60_000).toISOString(),
        });
      }),
    );
    expect(moves.filter((m) => m.ok).length).toBeGreaterThan(0);
    expect(moves.every((m) => m.ok || m.code === 'CONFLICT')).toBe(true);
    const rows = (await day('2026-12-02')).appointments.filter((a) => a.status === 'booked');
    expect(rows).toHaveLength(20);
    expect(moves.filter((m) => !m.ok).length).toBeGreaterThan(0);
    for (const a of rows)
      for (const b of rows) {
        if (a.id >= b.id || !(a.startsAt < b.endsAt && b.startsAt < a.endsAt)) continue;
        expect(a.roomId !== null && a.roomId === b.roomId).toBe(false);
        expect(a.providerId === b.providerId).toBe(false);
      }
  });
});
