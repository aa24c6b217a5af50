import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyFlowBoardEvent,
  reportFromBoard,
  type DomainEvent,
  type FlowBoard,
  type Visit,
} from '@clinicflow/domain';
import type { CommandResult, ReportAnswer, SyncMessage } from '@clinicflow/contracts';
import { testBackends } from '@clinicflow/db/testing';
import { api, openSocket, signIn, startTestServer, until, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();

/** What the desk may do next with a visit in each status (the room a call needs is found when it runs). */
const nextSteps: Partial<Record<Visit['status'], string[]>> = {
  booked: ['CheckInPatient', 'CheckInPatient', 'MarkNoShow', 'CancelVisit'],
  arrived: ['SendToWaitingRoom', 'SendToWaitingRoom', 'MarkLeftWithoutBeingSeen', 'CancelVisit'],
  waiting: ['CallPatient', 'CallPatient', 'MarkLeftWithoutBeingSeen'],
  called: ['MarkPatientInRoom', 'MarkPatientInRoom', 'ReturnPatientToWaiting', 'MarkLeftWithoutBeingSeen'],
  in_room: ['StartConsultation', 'CheckOutPatient'],
  with_provider: ['CheckOutPatient'],
};

describe.each(testBackends)('the dashboard’s live figures equal the database’s report (%s)', (backend) => {
  let server: TestServer;
  let coordinator: string;
  let live: Awaited<ReturnType<typeof openSocket>>;

  beforeAll(async () => {
    server = await startTestServer(backend, { sessionIdleMs: 12 * 3600_000 });
    coordinator = await signIn(server, 'coordinator');
    // The console's own path: a snapshot, then live events folded over it by the shared reducer.
    live = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
    await until(() => live.received.some((m) => m.name === 'sync'), 'snapshot');
  }, 60_000);
  afterAll(async () => {
    live?.socket.disconnect();
    await server?.close();
  });

  const liveBoard = (): FlowBoard => {
    const sync = live.received.find((m) => m.name === 'sync')!.data as Extract<
      SyncMessage<'flowBoard'>,
      { kind: 'snapshot' }
    >;
    return live.received
      .filter((m) => m.name === 'event')
      .reduce((board, m) => applyFlowBoardEvent(board, m.data as DomainEvent), sync.state);
  };
  const send = async (command: Record<string, unknown>) => {
    const result: CommandResult = await live.socket.emitWithAck('command', { commandId: uuid(), ...command });
    return result;
  };
  const seqs = () => live.received.filter((m) => m.name === 'event').length;

  it('after any sequence of the day’s steps, today’s figures from the live board are the server’s', async () => {
    const step = fc.record({
      visit: fc.nat(40),
      choice: fc.nat(3),
      minutes: fc.integer({ min: 0, max: 25 }),
      walkIn: fc.boolean(),
    });
    let walkIns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        for (const s of steps) {
          server.clock.advance(s.minutes);
          const board = liveBoard();
          const before = seqs();
          let result: CommandResult | null = null;
          if (s.walkIn && s.choice === 0) {
            result = await send({
              type: 'RegisterWalkIn',
              firstName: 'Walker',
              lastName: `Random${walkIns++}`,
              dateOfBirth: '1990-04-05',
              phone: '555 010 4242',
              reasonCategory: 'illness',
            });
          } else {
            // Patients already on their way come first, so a short sequence reaches rooms and check-outs.
            const open = Object.values(board.visits)
              .filter((v) => nextSteps[v.status])
              .sort(
                (a, b) =>
                  Number(a.status === 'booked') - Number(b.status === 'booked') || a.id.localeCompare(b.id),
              );
            if (open.length === 0) continue;
            const visit = open[s.visit % Math.min(open.length, 4)]!;
            const options = nextSteps[visit.status]!;
            const type = options[s.choice % options.length]!;
            const extra: Record<string, unknown> = {};
            const rooms = Object.values(board.rooms);
            if (type === 'CallPatient') {
              const free = rooms.find((r) => r.status === 'available');
              const dirty = rooms.find((r) => r.status === 'needs_cleaning');
              if (!free && dirty) {
                await send({ type: 'MarkRoomCleaned', roomId: dirty.id, version: dirty.version });
                continue;
              }
              if (!free) continue;
              extra.roomId = free.id;
            }
            result = await send({ type, visitId: visit.id, version: visit.version, ...extra });
          }
          // Wait for the event the command caused to reach the live screen.
          if (result?.ok) await until(() => seqs() > before, 'the live event');
        }
        const res = await api(server, 'GET', `/api/reports?from=${liveBoard().day}&to=${liveBoard().day}`, {
          cookie: coordinator,
        });
        expect(res.status).toBe(200);
        expect(reportFromBoard(liveBoard())).toEqual((res.body as ReportAnswer).current);
      }),
      { numRuns: 8, seed: 20261130 },
    );
    // The runs did reach the interesting figures.
    const final = reportFromBoard(liveBoard());
    expect(final.headline.arrivals).toBeGreaterThan(0);
    expect(final.durations[0]!.visits).toBeGreaterThan(0);
  }, 240_000);
});
