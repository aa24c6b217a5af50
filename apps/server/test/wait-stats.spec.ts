import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDay } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import { waitStats } from '../src/modules/visits/wait-stats';
import { startTestServer, type TestServer } from './harness';

describe.each(testBackends)('wait model learning on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => void (server = await startTestServer(backend)));
  afterAll(async () => await server?.close());

  const today = () => clinicDay(server.clock.now(), server.clinic.timezone);
  /** A finished visit `daysAgo` days back: `minutes` in room, for a reason. */
  const finished = async (daysAgo: number, reason: string, minutes: number) => {
    const { db } = server.database;
    const clinicId = server.clinic.id;
    const [someone] = await repo.visits.listForDay(db, clinicId, today());
    const start = new Date(server.clock.now().getTime() - daysAgo * 86_400_000);
    const end = new Date(start.getTime() + minutes * 60_000);
    const visit = await repo.visits.insert(db, {
      clinicId,
      day: clinicDay(start, server.clinic.timezone),
      appointmentId: null,
      patientId: someone!.patientId,
      providerId: someone!.providerId,
      scheduledAt: null,
      reason,
      status: 'checked_out',
      now: end,
    });
    const times = { in_room: start.toISOString(), checked_out: end.toISOString() };
    expect(await repo.visits.save(db, { ...visit, times, version: visit.version + 1 }, visit.version)).toBe(
      true,
    );
  };
  const stats = () =>
    waitStats(server.database.db, server.clinic.id, server.clinic.timezone, server.clock.now());

  it('learns the median in-room time per kind from the recent finished visits, and re-reads every few minutes', async () => {
    for (const [i, m] of [7, 8, 9, 8, 8].entries()) await finished(i + 1, 'Flu shot', m);
    await finished(40, 'Flu shot', 50); // older than the history window
    expect((await stats()).kinds['flu shot']).toEqual({ minutes: 8, samples: 5 });

    await finished(2, 'Flu shot', 30);
    await finished(3, 'Flu shot', 30);
    expect((await stats()).kinds['flu shot']?.samples).toBe(5); // cached
    server.clock.advance(6);
    // Re-read: two more visits, and the median shrugs off the two long ones.
    expect((await stats()).kinds['flu shot']).toEqual({ minutes: 8, samples: 7 });
  });
});
