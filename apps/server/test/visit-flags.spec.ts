import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowBoard, Visit } from '@clinicflow/domain';
import { testBackends } from '@clinicflow/db/testing';
import { api, openSocket, signIn, snapshotOf, startTestServer, until, type TestServer } from './harness';

const minutes = 60_000;
/** Booked visits whose time plus `grace` minutes has passed on the server's clock. */
const bookedPast = (board: FlowBoard, now: Date, grace: number) =>
  Object.values(board.visits)
    .filter((v) => v.status === 'booked' && Date.parse(v.scheduledAt!) + grace * minutes <= now.getTime())
    .map((v) => v.id)
    .sort();
const noShowDue = (board: FlowBoard) =>
  Object.values(board.visits)
    .filter((v) => v.noShowDueSince !== null)
    .map((v) => v.id)
    .sort();
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(testBackends)('no-show and check-in-not-finished flags on %s', (backend) => {
  let server: TestServer;
  let desk: string;
  let admin: string;
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: desk });
  const run = (cookie: string, body: Record<string, unknown>) =>
    api(server, 'POST', '/api/commands', { cookie, body: { commandId: crypto.randomUUID(), ...body } });

  beforeAll(async () => {
    // 09:00 in New York; intake on, so a patient checked in stays `arrived` until their forms are done.
    server = await startTestServer(backend, { lateCheckMs: 50, sessionIdleMs: 3 * 3600_000, intake: true });
    desk = await signIn(server, 'frontdesk');
    admin = await signIn(server, 'admin');
  });
  afterAll(() => server?.close());

  it('suggests a no-show, on the server’s clock, for exactly the booked patients past the clinic’s grace', async () => {
    const expected = bookedPast(await board(), server.clock.now(), 45);
    expect(expected.length).toBeGreaterThan(0);
    await eventually(async () => noShowDue(await board()).length >= expected.length, 'the first no-shows');
    expect(noShowDue(await board())).toEqual(expected);
  });

  it('uses the clinic’s own grace once an admin shortens it, and refuses a no-show grace inside the late one', async () => {
    const refused = await run(admin, { type: 'UpdateFlowSettings', noShowGraceMinutes: 10 });
    expect(refused.body).toMatchObject({
      ok: false,
      code: 'INVALID',
      issues: [{ path: 'noShowGraceMinutes' }],
    });
    expect((await run(desk, { type: 'UpdateFlowSettings', noShowGraceMinutes: 20 })).status).toBe(403);

    const console_ = await openSocket(server.app.url, { view: 'flowBoard', cookie: desk });
    const changed = await run(admin, {
      type: 'UpdateFlowSettings',
      noShowGraceMinutes: 20,
      visitThresholds: { waiting: 25 },
    });
    expect(changed.body).toMatchObject({ ok: true });
    await until(
      () => console_.received.some((m) => m.raw.includes('"FlowSettingsChanged"')),
      'the new settings pushed to the console',
    );
    const after = await board();
    expect(after.clinic.flowSettings).toMatchObject({ noShowGraceMinutes: 20, lateGraceMinutes: 15 });
    expect(after.clinic.flowSettings.visitThresholds).toEqual({ waiting: 25 });
    const expected = bookedPast(after, server.clock.now(), 20);
    expect(expected.length).toBeGreaterThan(bookedPast(after, server.clock.now(), 45).length);
    await eventually(
      async () => noShowDue(await board()).length >= expected.length,
      'the no-shows at 20 min',
    );
    expect(noShowDue(await board())).toEqual(expected);
    console_.socket.disconnect();
  });

  it('lets the desk mark a suggested no-show in one step, with the version it saw', async () => {
    const due = Object.values((await board()).visits).find((v) => v.noShowDueSince !== null)!;
    const marked = await run(desk, { type: 'MarkNoShow', visitId: due.id, version: due.version });
    expect(marked.body).toMatchObject({ ok: true });
    expect((await board()).visits[due.id]!.status).toBe('no_show');
  });

  it('flags a check-in left unfinished after the clinic’s minutes, and the desk sends the patient to wait', async () => {
    const later = Object.values((await board()).visits)
      .filter((v) => v.status === 'booked' && v.noShowDueSince === null)
      .sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!))
      .at(-1)!;
    const checkedIn = await run(desk, { type: 'CheckInPatient', visitId: later.id });
    expect(checkedIn.body).toMatchObject({ ok: true });
    const arrived = () => board().then((b) => b.visits[later.id]!);
    expect((await arrived()).status).toBe('arrived');

    server.clock.advance(9);
    await new Promise((r) => setTimeout(r, 300));
    expect((await arrived()).checkInUnfinishedSince).toBeNull();

    server.clock.advance(1);
    await eventually(async () => (await arrived()).checkInUnfinishedSince !== null, 'the unfinished flag');
    const flagged: Visit = await arrived();
    // An annotation: the version the desk saw still applies.
    const sent = await run(desk, {
      type: 'SendToWaitingRoom',
      visitId: flagged.id,
      version: flagged.version,
    });
    expect(sent.body).toMatchObject({ ok: true });
    expect((await arrived()).status).toBe('waiting');

    const audit = async (action: string) =>
      (await api(server, 'GET', `/api/audit?action=${action}`, { cookie: admin })).body as unknown[];
    expect(await audit('FlagUnfinishedCheckIns')).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'FlagUnfinishedCheckIns' })]),
    );
    expect(await audit('SendToWaitingRoom')).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'SendToWaitingRoom' })]),
    );
  });
});
