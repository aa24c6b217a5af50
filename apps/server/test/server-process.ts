import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type ServerChild = {
  url: string;
  /** True while the process runs: a crash is seen here, not hidden by the test runner's own handlers. */
  alive(): boolean;
  /** What the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
};

/** The server as it runs in production, `node --import tsx src/main.ts`, on port 0 with the given environment. */
export async function spawnServer(env: Record<string, string>): Promise<ServerChild> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'clinicflow-server-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dataRoot, 'pglite'),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DEMO: 'true',
      APPS_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-50_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const alive = () => child.exitCode === null && child.signalCode === null;

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /Clinicflow is running: (http:\/\/[\d.:]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited during start (code ${code}):\n${output}`));
    });
  });

  return {
    url,
    alive,
    output: () => output,
    stop: async () => {
      if (alive()) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => alive() && child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
