import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult, SyncMessage } from '@clinicflow/contracts';
import type { FlowBoard } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import { openSocket, signIn, startTestServer, until, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();

describe.each(testBackends)('a restart in the middle of commands (%s)', (backend) => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    cookie = await signIn(server, 'coordinator');
  });
  afterAll(() => server?.close());

  it('drains what it accepted, refuses the rest cleanly, and the console resumes and resends to exactly once', async () => {
    const first = await openSocket(server.app.url, { view: 'flowBoard', cookie });
    await until(() => first.received.length > 0, 'snapshot');
    const board = (first.received[0]!.data as Extract<SyncMessage<'flowBoard'>, { kind: 'snapshot' }>)
      .state as FlowBoard;
    const providerId = Object.keys(board.providers)[0]!;
    const outcomes = new Map<string, { command: object; result: CommandResult | 'no ack' }>();
    // Four lanes of commands back to back until the socket goes.
    const lanes = [0, 1, 2, 3].map(async (lane) => {
      for (let i = 0; first.socket.connected; i++) {
        const command = {
          type: 'AnnounceDelay',
          commandId: uuid(),
          providerId,
          minutes: (lane * 10 + i) % 60,
        };
        const result = await first.socket
          .timeout(5000)
          .emitWithAck('command', command)
          .catch(() => 'no ack' as const);
        outcomes.set(command.commandId, { command, result });
      }
    });
    await until(
      () => [...outcomes.values()].filter((o) => o.result !== 'no ack' && o.result.ok).length >= 30,
      'load',
    );
    const lastSeen = () => Math.max(...first.received.map((r) => (r.data as { seq?: number }).seq ?? 0));
    await server.restart();
    await Promise.all(lanes);
    const codes = new Set(
      [...outcomes.values()].map((o) =>
        o.result === 'no ack' ? 'no ack' : o.result.ok ? 'ok' : o.result.code,
      ),
    );
    // Accepted ones were answered; anything else was refused as "restarting" or went unanswered: never INTERNAL.
    expect([...codes].filter((c) => !['ok', 'UNAVAILABLE', 'no ack'].includes(c))).toEqual([]);

    // The console comes back with the last seq it saw and gets exactly what it missed.
    const seen = lastSeen();
    const again = await openSocket(server.app.url, { view: 'flowBoard', cookie, lastSeq: seen });
    await until(() => again.received.length > 0, 'resume');
    const resume = again.received[0]!.data as SyncMessage<'flowBoard'>;
    expect(resume.kind).toBe('replay');
    if (resume.kind === 'replay' && resume.events.length) expect(resume.events[0]!.seq).toBe(seen + 1);

    // It sends again, with the same commandId, whatever was not acknowledged: each is applied once.
    for (const [id, outcome] of outcomes) {
      if (outcome.result !== 'no ack' && outcome.result.ok) continue;
      expect(await again.socket.emitWithAck('command', outcome.command), id).toMatchObject({ ok: true });
    }
    const events = await repo.events.listAfter(server.database.db, {
      clinicId: server.clinic.id,
      afterSeq: 0,
      displayOnly: false,
      limit: 100_000,
    });
    const delays = events.filter((e) => e.event.type === 'ProviderDelayChanged');
    expect(delays).toHaveLength(outcomes.size);
    for (const id of outcomes.keys())
      expect(await repo.commands.findResult(server.database.db, id), id).not.toBeNull();
    again.socket.disconnect();
  }, 60_000);
});
