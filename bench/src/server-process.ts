import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/server, started as a child process exactly like `pnpm serve`: the bench sees it only over HTTP and socket.io. */
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/server');

export type ServerProcess = {
  url: string;
  pid: number;
  /** Resident set size of the server process in MB (Linux /proc), or null where unavailable. */
  rssMb(): Promise<number | null>;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function startServer(options: {
  databaseUrl: string | null;
  bootTimeoutMs?: number;
}): Promise<ServerProcess> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'clinicflow-bench-'));
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
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the tail of the server's output to show if it fails to boot.
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  // One stop, however many callers (normal end, error path, Ctrl-C): each awaits the same promise.
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (!exited(child)) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => !exited(child) && child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      await rm(dataRoot, { recursive: true, force: true });
    })());

  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + (options.bootTimeoutMs ?? 60_000);
    for (;;) {
      if (exited(child)) throw new Error(`server exited during boot (code ${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`server not healthy after boot timeout:\n${output}`);
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    pid: child.pid!,
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
}
