import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { CommandResult, SyncMessage } from '@clinicflow/contracts';
import type { FlowBoard } from '@clinicflow/domain';
import {
  startPrivatePostgres,
  startServerProcess,
  type PrivatePostgres,
  type ServerProcess,
} from '@clinicflow/testing';
import { openSocket, pairDevice, signIn, until, type TestSocket } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** /healthz as a load balancer sees it: up, down (503), or no answer at all. */
async function healthOf(url: string): Promise<'up' | 'down' | 'no answer'> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200 ? 'up' : res.status === 503 ? 'down' : 'no answer';
  } catch {
    return 'no answer';
  }
}

describe('the server outlives its database', () => {
  let postgres: PrivatePostgres;
  let server: ServerProcess;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    databaseUrl = await postgres.createDatabase('clinicflow');
    server = await startServerProcess({ databaseUrl, env: { APPS_DIR: '/nonexistent' } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await postgres?.close();
  });

  it('backends killed and Postgres restarted under load: clean refusals, screens told, nothing acknowledged lost', async () => {
    // Every wait also watches the process: a crash fails at once, with what the server printed last.
    const waitFor = (predicate: () => boolean, what: string, ms: number) =>
      until(
        () => {
          if (!server.alive()) throw new Error(`the server died:\n${server.output().slice(-3000)}`);
          return predicate();
        },
        what,
        ms,
      );
    const target = { app: { url: server.url } };
    const cookie = await signIn(target, 'coordinator');
    const displayToken = await pairDevice(target, await signIn(target, 'admin'), 'waiting_room_display');
    const consoleView = await openSocket(server.url, { view: 'flowBoard', cookie });
    const display = await openSocket(server.url, { view: 'displayBoard', deviceToken: displayToken });
    await waitFor(() => consoleView.received.length > 0 && display.received.length > 0, 'first syncs', 5000);
    const board = (consoleView.received[0]!.data as SyncMessage<'flowBoard'> & { state: FlowBoard }).state;
    const providerIds = Object.keys(board.providers);

    // What the screens hear about the database, and what a load balancer sees, in order.
    const heard = { console: [] as string[], display: [] as string[] };
    const listen = (socket: TestSocket, into: string[]) =>
      socket.on('databaseStatus', (status) => {
        into.push(status);
        // What the real client does when the database is back: ask for what it missed.
        if (status === 'up')
          socket.emit('resume', lastSeqOf(socket === display.socket ? display : consoleView));
      });
    listen(consoleView.socket, heard.console);
    listen(display.socket, heard.display);
    const health: string[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const state = await healthOf(server.url);
        if (health.at(-1) !== state) health.push(state);
        await sleep(100);
      }
    })();

    // Load: four coordinators' worth of commands back to back, each with its own commandId.
    const outcomes = new Map<string, { command: object; result: CommandResult | 'no ack' }>();
    let loading = true;
    const send = async (command: object) => {
      try {
        return (await consoleView.socket.timeout(8000).emitWithAck('command', command)) as CommandResult;
      } catch {
        return 'no ack' as const;
      }
    };
    const senders = [0, 1, 2, 3].map(async (lane) => {
      for (let i = 0; loading; i++) {
        const command = {
          type: 'AnnounceDelay',
          commandId: randomUUID(),
          providerId: providerIds[lane % providerIds.length],
          minutes: (i % 30) + 1,
        };
        const result = await send(command);
        outcomes.set(command.commandId, { command, result });
        // Like the console: after a refusal, wait before the next action.
        await sleep(isOk(result) ? 5 : 200);
      }
    });
    const acknowledged = () => [...outcomes.values()].filter((o) => isOk(o.result)).length;

    await waitFor(() => acknowledged() >= 40, 'commands applied before the fault', 20_000);
    const killed = await postgres.terminateBackends('clinicflow');
    expect(killed).toBeGreaterThan(0);
    const beforeStop = acknowledged();
    await waitFor(
      () => acknowledged() >= beforeStop + 20,
      'commands applied after the backends were killed',
      20_000,
    );

    await postgres.stop();
    await waitFor(() => health.includes('down'), '/healthz to report the database down', 15_000);
    await waitFor(
      () => heard.display.includes('down') && heard.console.includes('down'),
      'screens told',
      15_000,
    );
    const refusedWhileDown = [...outcomes.values()].filter(
      (o) => typeof o.result === 'object' && !o.result.ok && o.result.code === 'UNAVAILABLE',
    ).length;
    await sleep(1000);
    expect(server.alive(), server.output()).toBe(true);

    await postgres.start();
    await waitFor(() => health.at(-1) === 'up', '/healthz to report the database up again', 20_000);
    await waitFor(
      () => heard.display.at(-1) === 'up' && heard.console.at(-1) === 'up',
      'screens told again',
      20_000,
    );
    const afterRestart = acknowledged();
    await waitFor(() => acknowledged() >= afterRestart + 20, 'commands applied after the restart', 20_000);
    loading = false;
    await Promise.all(senders);
    watching = false;
    await watcher;

    expect(server.alive(), server.output()).toBe(true);
    expect(health).toEqual(['up', 'down', 'up']);
    expect(
      refusedWhileDown + [...outcomes.values()].filter((o) => o.result === 'no ack').length,
    ).toBeGreaterThan(0);
    // A refusal is clean: the database's absence, never an internal error.
    const codes = new Set(
      [...outcomes.values()].map((o) =>
        typeof o.result === 'object' && !o.result.ok ? o.result.code : 'ok',
      ),
    );
    expect([...codes].filter((c) => c !== 'ok' && c !== 'UNAVAILABLE')).toEqual([]);

    // What the console does: send again, with the same commandId, whatever was not acknowledged.
    for (const [id, outcome] of outcomes) {
      if (isOk(outcome.result)) continue;
      const again = await send(outcome.command);
      expect(again, id).toMatchObject({ ok: true });
      outcomes.set(id, { ...outcome, result: again });
    }

    // Count it: every command applied exactly once, each with its one event, in the database.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const ids = [...outcomes.keys()];
      const stored = await db.query('select count(*)::int as n from commands where command_id = any($1)', [
        ids,
      ]);
      const events = await db.query(
        'select command_id, count(*)::int as n from events where command_id = any($1) group by command_id',
        [ids],
      );
      expect(stored.rows[0].n).toBe(ids.length);
      expect(events.rows.length).toBe(ids.length);
      expect(events.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      // Both screens caught up to the last change without reconnecting by hand.
      const { rows } = await db.query('select max(seq)::int as seq from events');
      await waitFor(() => lastSeqOf(consoleView) === rows[0].seq, 'the console to catch up', 10_000);
      await waitFor(() => lastSeqOf(display) === rows[0].seq, 'the display to catch up', 10_000);
    } finally {
      await db.end();
    }
    expect(heard.console).toEqual(['down', 'up']);
    expect(heard.display).toEqual(['down', 'up']);
    consoleView.socket.close();
    display.socket.close();
  }, 120_000);
});

const isOk = (r: CommandResult | 'no ack') => typeof r === 'object' && r.ok;

/** The highest seq a recorded socket has seen, from syncs and events. */
function lastSeqOf(view: { received: { name: string; data: unknown }[] }): number | null {
  let seq: number | null = null;
  for (const r of view.received) {
    const s = (r.data as { seq?: number }).seq;
    if (typeof s === 'number') seq = Math.max(seq ?? 0, s);
  }
  return seq;
}
