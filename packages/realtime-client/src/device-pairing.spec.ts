import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo } from '@clinicflow/contracts';
import { DevicePairingMachine, formatPairingCode, type PairingSnapshot } from './device-pairing';

const device: DeviceInfo = {
  id: 'dev-1',
  name: 'Lobby kiosk',
  type: 'kiosk',
  location: 'Lobby',
  createdAt: '2026-01-01T09:00:00Z',
  lastSeenAt: null,
  online: false,
  revokedAt: null,
  config: null,
};

class MemoryStore {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Answer = Reply | ((auth: string | null) => Reply);

/** A fake server: each route answers from its queue (the last answer repeats) and records the requests. */
function fakeServer(routes: Record<string, Answer[]>) {
  const calls: { route: string; auth: string | null }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const route = `${init?.method ?? 'GET'} ${String(url)}`;
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ route, auth: headers.authorization ?? null });
    const queue = routes[route];
    if (!queue || queue.length === 0) throw new TypeError('Failed to fetch');
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    const reply = typeof answer === 'function' ? answer(headers.authorization ?? null) : answer;
    if (reply.status === 0) throw new TypeError('Failed to fetch');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.headers,
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const pairing = (code: string, token: string, minutes = 15): Reply => ({
  status: 200,
  body: { code, token, expiresAt: inMinutes(minutes) },
});
const pending = (code: string, minutes = 15): Reply => ({
  status: 200,
  body: { state: 'pending', code, expiresAt: inMinutes(minutes) },
});
const clinic = { name: 'Riverside', timezone: 'America/Chicago' };
const paired: Reply = { status: 200, body: { state: 'paired', device, clinic } };
const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = 'b'.repeat(32);

function setup(routes: Record<string, Answer[]>, store = new MemoryStore()) {
  const server = fakeServer(routes);
  const seen: PairingSnapshot[] = [];
  const machine = new DevicePairingMachine(
    { storageKey: 'test', store, fetch: server.fetch, pollMs: 2000, retryMs: 5000, pairedCheckMs: 60_000 },
    (s) => seen.push(s),
  );
  return { machine, server, store, seen };
}

describe('DevicePairingMachine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('asks for a code, keeps the token, polls with it, and stops polling once paired', async () => {
    const { machine, server, store } = setup({
      'POST /api/devices/pairing': [pairing('ABC234', TOKEN_A)],
      'GET /api/devices/me': [pending('ABC234'), pending('ABC234'), paired],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'ABC234', problem: null });
    expect(store.getItem('test.token')).toBe(TOKEN_A);
    await vi.advanceTimersByTimeAsync(4000);
    expect(machine.snapshot).toEqual({ phase: 'paired', device, clinic, token: TOKEN_A });
    expect(JSON.parse(store.getItem('test.device')!)).toEqual({ device, clinic });
    const polls = server.calls.filter((c) => c.route === 'GET /api/devices/me');
    expect(polls).toHaveLength(3);
    expect(polls.every((c) => c.auth === `Device ${TOKEN_A}`)).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls.filter((c) => c.route === 'GET /api/devices/me')).toHaveLength(3);
    machine.stop();
  });

  it('starts from a stored token without asking for a new code', async () => {
    const store = new MemoryStore();
    store.setItem('test.token', TOKEN_A);
    const { machine, server } = setup({ 'GET /api/devices/me': [paired] }, store);
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot.phase).toBe('paired');
    expect(server.calls.map((c) => c.route)).toEqual(['GET /api/devices/me']);
    machine.stop();
  });

  it('asks for a new code when the token is refused (expired or revoked)', async () => {
    const store = new MemoryStore();
    store.setItem('test.token', TOKEN_A);
    store.setItem('test.device', JSON.stringify(device));
    const { machine, server } = setup(
      {
        'GET /api/devices/me': [
          { status: 401, body: { ok: false, code: 'UNAUTHENTICATED' } },
          pending('XYZ789'),
        ],
        'POST /api/devices/pairing': [pairing('XYZ789', TOKEN_B)],
      },
      store,
    );
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'XYZ789' });
    expect(store.getItem('test.token')).toBe(TOKEN_B);
    expect(store.getItem('test.device')).toBeNull();
    expect(server.calls.at(-1)).toEqual({ route: 'GET /api/devices/me', auth: `Device ${TOKEN_B}` });
    machine.stop();
  });

  it('replaces a code that expired on the server clock, even if the device clock is off', async () => {
    const serverAhead = 20 * 60_000; // the server's clock is 20 min ahead of this device
    const serverDate = () => new Date(Date.now() + serverAhead).toUTCString();
    const expires = (m: number) => new Date(Date.now() + serverAhead + m * 60_000).toISOString();
    const { machine, server } = setup({
      'POST /api/devices/pairing': [
        {
          status: 200,
          body: { code: 'AAA222', token: TOKEN_A, expiresAt: expires(1) },
          headers: { date: serverDate() },
        },
        {
          status: 200,
          body: { code: 'BBB333', token: TOKEN_B, expiresAt: expires(15) },
          headers: { date: serverDate() },
        },
      ],
      'GET /api/devices/me': [
        (auth) => ({
          status: 200,
          body: auth?.endsWith(TOKEN_A)
            ? { state: 'pending', code: 'AAA222', expiresAt: expires(1) }
            : { state: 'pending', code: 'BBB333', expiresAt: expires(15) },
          headers: { date: serverDate() },
        }),
      ],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'AAA222' });
    // Not thrown away at once, although expiresAt is 21 min "in the future" on this device's clock.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'AAA222' });
    await vi.advanceTimersByTimeAsync(32_000);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'BBB333' });
    expect(server.calls.filter((c) => c.route === 'POST /api/devices/pairing')).toHaveLength(2);
    machine.stop();
  });

  it('waits out a rate limit and shows why', async () => {
    const { machine, server } = setup({
      'POST /api/devices/pairing': [
        { status: 429, body: { ok: false, code: 'RATE_LIMITED' }, headers: { 'retry-after': '20' } },
        pairing('ABC234', TOKEN_A),
      ],
      'GET /api/devices/me': [pending('ABC234')],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toEqual({ phase: 'starting', problem: 'rate_limited' });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'ABC234' });
    machine.stop();
  });

  it('keeps the code on screen while the server is unreachable, and says so', async () => {
    const { machine } = setup({
      'POST /api/devices/pairing': [pairing('ABC234', TOKEN_A)],
      'GET /api/devices/me': [pending('ABC234'), { status: 0 }, pending('ABC234')],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'ABC234', problem: 'offline' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'ABC234', problem: null });
    machine.stop();
  });

  it('works offline as the device it was paired as', async () => {
    const store = new MemoryStore();
    store.setItem('test.token', TOKEN_A);
    store.setItem('test.device', JSON.stringify({ device, clinic }));
    const { machine } = setup({ 'GET /api/devices/me': [{ status: 0 }] }, store);
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toEqual({ phase: 'paired', device, clinic, token: TOKEN_A });
    machine.stop();
  });

  it('forget() wipes the token and device and asks for a new code', async () => {
    const { machine, store } = setup({
      'POST /api/devices/pairing': [pairing('ABC234', TOKEN_A), pairing('DEF567', TOKEN_B)],
      'GET /api/devices/me': [paired, pending('DEF567')],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot.phase).toBe('paired');
    machine.forget();
    expect(store.getItem('test.device')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(machine.snapshot).toMatchObject({ phase: 'pending', code: 'DEF567' });
    expect(store.getItem('test.token')).toBe(TOKEN_B);
    machine.stop();
  });

  it('does not loop tightly when the server refuses every fresh token', async () => {
    const { machine, server } = setup({
      'POST /api/devices/pairing': [pairing('ABC234', TOKEN_A)],
      'GET /api/devices/me': [{ status: 401 }],
    });
    machine.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.length).toBeLessThanOrEqual(4);
    machine.stop();
  });
});

describe('formatPairingCode', () => {
  it('groups six characters as ABC-123', () => {
    expect(formatPairingCode('abc123')).toBe('ABC-123');
    expect(formatPairingCode('ABC-123')).toBe('ABC-123');
    expect(formatPairingCode('ABCD')).toBe('ABCD');
  });
});
