import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowBoard } from '@clinicflow/domain';
import { testBackends } from '@clinicflow/db/testing';
import { api, openSocket, signIn, snapshotOf, startTestServer, until, type TestServer } from './harness';

/** Booked visits the server should have flagged by now: their time plus the 15-minute grace has passed. */
const dueBy = (board: FlowBoard, now: Date) =>
  Object.values(board.visits)
    .filter((v) => v.status === 'booked' && Date.parse(v.scheduledAt!) + 15 * 60_000 <= now.getTime())
    .map((v) => v.id)
    .sort();
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const flagged = (board: FlowBoard) =>
  Object.values(board.visits)
    .filter((v) => v.lateSince !== null)
    .map((v) => v.id)
    .sort();

describe.each(testBackends)('late arrivals on %s', (backend) => {
  let server: TestServer;
  let desk: string;
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: desk });

  beforeAll(async () => {
    // 09:00 in New York: the 08:00–08:45 appointments are past their grace period, nobody has arrived.
    // The desk's session outlasts the 40 minutes the test moves the clock on.
    server = await startTestServer(backend, { lateCheckMs: 50, sessionIdleMs: 3 * 3600_000 });
    desk = await signIn(server, 'frontdesk');
  });
  afterAll(() => server?.close());

  it('flags, on the server’s clock, exactly the booked patients past the grace period, live and once', async () => {
    const console_ = await openSocket(server.app.url, { view: 'flowBoard', cookie: desk });
    const lateEvents = () =>
      console_.received.filter((m) => m.name === 'event' && m.raw.includes('"VisitLate"'));
    const expected = dueBy(await board(), server.clock.now());
    expect(expected.length).toBeGreaterThan(0);
    await eventually(async () => flagged(await board()).length >= expected.length, 'the first flags');
    expect(flagged(await board())).toEqual(expected);

    // Forty minutes on: the 09:15 and 09:25 patients are late too; the ones flagged before are not flagged again.
    const before = await board();
    server.clock.advance(40);
    const later = dueBy(await board(), server.clock.now());
    expect(later.length).toBeGreaterThan(expected.length);
    await eventually(async () => flagged(await board()).length >= later.length, 'the next flags');
    const after = await board();
    expect(flagged(after)).toEqual(later);
    // An annotation, not an edit: a desk action prepared with the version it saw still applies.
    for (const id of later) expect(after.visits[id]!.version).toBe(before.visits[id]!.version);
    await until(
      () => lateEvents().length >= later.length - expected.length,
      'VisitLate pushed to the console',
    );
    console_.socket.disconnect();
  });

  it('still lets a late patient check in, and audits the flagging as the system', async () => {
    const late = Object.values((await board()).visits).find((v) => v.lateSince !== null)!;
    const result = await api(server, 'POST', '/api/commands', {
      cookie: desk,
      body: { type: 'CheckInPatient', commandId: crypto.randomUUID(), visitId: late.id },
    });
    expect(result.body).toMatchObject({ ok: true });
    const audit = await api(server, 'GET', '/api/audit?action=FlagLateArrivals', {
      cookie: await signIn(server, 'admin'),
    });
    expect(audit.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'FlagLateArrivals' })]),
    );
  });
});
