import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type DatabaseOptions, type Db } from './client';
import { auditLog } from './schema';

/** A test database; on Postgres, `name` is the database created for it (to find its backends). */
export type TestDatabase = DatabaseHandle & { name?: string };

export const testBackends = ['pglite', 'postgres'] as const;
export type TestBackend = (typeof testBackends)[number];

/**
 * A fresh, migrated database for one test file. Postgres: a new database on the server that TEST_DATABASE_URL
 * (or the local default) points at, dropped on close. A missing server fails the test; it never skips it.
 */
export async function openTestDatabase(
  backend: TestBackend,
  options: Pick<DatabaseOptions, 'onConnectionError'> & { serverUrl?: string } = {},
): Promise<TestDatabase> {
  if (backend === 'pglite') return openDatabase({ dataDir: 'memory' });
  const serverUrl =
    options.serverUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(`Postgres for tests is not reachable at ${serverUrl}: ${(error as Error).message}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ ...options, databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Edits the first audit row with this action behind the application's back, as an intruder would. */
export async function tamperWithAuditRow(
  db: Db,
  action: string,
): Promise<{ id: number; restore(): Promise<void> }> {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(asc(auditLog.id))
    .limit(1);
  if (!row) throw new Error(`no audit row with action ${action}`);
  await db.update(auditLog).set({ origin: '10.9.9.9' }).where(eq(auditLog.id, row.id));
  return {
    id: row.id,
    restore: async () =>
      void (await db.update(auditLog).set({ origin: row.origin }).where(eq(auditLog.id, row.id))),
  };
}

/** A Postgres server of the test's own, so a test may stop, restart and kill it without touching anyone else's. */
export type PrivatePostgres = {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back within a second or two. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** pg_terminate_backend on every connection to `database` but the caller's own. Returns how many. */
  terminateBackends(database: string): Promise<number>;
  close(): Promise<void>;
};

const run = promisify(execFile);

/** initdb + pg_ctl from the machine's PostgreSQL binaries (as user postgres when we are root: initdb refuses root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = findPostgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'clinicflow-pg-'));
  const asRoot = process.getuid?.() === 0;
  const sh = async (command: string) => {
    await (asRoot ? run('su', ['postgres', '-s', '/bin/bash', '-c', command]) : run('bash', ['-c', command]));
  };
  if (asRoot) await run('chown', ['postgres:postgres', dir]);
  await sh(`'${bin}/initdb' -D '${dir}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
  const port = await freePort();
  const pgCtl = (action: string) =>
    sh(
      `'${bin}/pg_ctl' -D '${dir}/data' -o '-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}' ` +
        `-l '${dir}/log' -w -t 60 -m fast ${action} >/dev/null`,
    );
  await pgCtl('start');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    restart: () => pgCtl('restart'),
    stop: () => pgCtl('stop'),
    start: () => pgCtl('start'),
    terminateBackends: async (database) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [database],
        );
        return rows.length;
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await pgCtl('stop').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function findPostgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`/usr/lib/postgresql/${d.name}/bin/initdb`))
    .map((d) => d.name)
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0])
    throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
