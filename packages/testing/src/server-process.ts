import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

/** apps/server, started exactly as in production: tests and benches see it only over HTTP and socket.io. */
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../apps/server');

export type ServerProcess = {
  url: string;
  pid: number;
  /** True while the process runs: a crash shows here, not hidden by a test runner's own error handlers. */
  alive(): boolean;
  /** The tail of what the server printed, for a failure message. */
  output(): string;
  /** Resident set size in MB (Linux /proc), or null where unavailable. */
  rssMb(): Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; removes its temporary data folder. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * `node --import tsx src/main.ts` on a free port, with a demo clinic on a fresh embedded database unless
 * `databaseUrl` is given. Resolves once /healthz answers.
 */
export async function startServerProcess(
  options: { databaseUrl?: string | null; env?: Record<string, string>; bootTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'clinicflow-server-'));
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(dataRoot, 'pglite'),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DEMO: 'true',
    ...options.env,
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-50_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const alive = () => child.exitCode === null && child.signalCode === null;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (alive()) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => alive() && child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      await rm(dataRoot, { recursive: true, force: true });
    })());

  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + (options.bootTimeoutMs ?? 120_000);
    for (;;) {
      if (!alive()) throw new Error(`server exited during start (code ${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`server not healthy in time:\n${output}`);
      const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      url,
      pid: child.pid!,
      alive,
      output: () => output,
      rssMb: async () => {
        try {
          const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
          const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
          return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
        } catch {
          return null;
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
