import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

/** A Postgres server of the test's own, so a test may stop, restart and kill it without touching anyone else's. */
export type PrivatePostgres = {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back within a second or two. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Creates an empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
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
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
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
