import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type Db } from './client';
import { auditLog } from './schema';

export const testBackends = ['pglite', 'postgres'] as const;
export type TestBackend = (typeof testBackends)[number];

/**
 * A fresh, migrated database for one test file. Postgres: a new database on the server that TEST_DATABASE_URL
 * (or the local default) points at, dropped on close. A missing server fails the test; it never skips it.
 */
export async function openTestDatabase(backend: TestBackend): Promise<DatabaseHandle> {
  if (backend === 'pglite') return openDatabase({ dataDir: 'memory' });
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    ...handle,
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
