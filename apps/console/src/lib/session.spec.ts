import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '@clinicflow/contracts';
import { api } from './api';
import { Session } from './session.svelte';

const minute = 60_000;

/**
 * The server's side of sessions, behind `fetch` (the port the console talks through): its own clock (possibly
 * skewed from the browser's), an idle limit that only keep-alives and sign-in reset, and an absolute limit.
 */
class FakeAuthServer {
  idleMs = 15 * minute;
  maxMs = 12 * 60 * minute;
  skewMs = 0;
  keepAlives = 0;
  logouts = 0;
  #signedInAt = 0;
  #lastActiveAt = 0;
  #revoked = false;
  #signedIn = false;

  now = () => Date.now() + this.skewMs;
  /** Another tab of the same session did something. */
  touch = () => (this.#lastActiveAt = this.now());
  revoke = () => (this.#revoked = true);

  #alive(): boolean {
    const now = this.now();
    return (
      this.#signedIn &&
      !this.#revoked &&
      now < this.#lastActiveAt + this.idleMs &&
      now < this.#signedInAt + this.maxMs
    );
  }

  #info(): SessionInfo {
    return {
      staff: { id: 's1', username: 'coordinator', displayName: 'Casey Coordinator', role: 'coordinator' },
      idleTimeoutMs: this.idleMs,
      expiresAt: new Date(this.#signedInAt + this.maxMs).toISOString(),
      idleExpiresAt: new Date(this.#lastActiveAt + this.idleMs).toISOString(),
    };
  }

  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const reply = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', date: new Date(this.now()).toUTCString() },
      });
    const gone = () => reply(401, { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in again.' });
    const path = new URL(url, 'http://console.test').pathname;
    if (path === '/api/auth/login' && init.method === 'POST') {
      this.#signedIn = true;
      this.#revoked = false;
      this.#signedInAt = this.#lastActiveAt = this.now();
      return reply(200, this.#info());
    }
    if (path === '/api/auth/logout') {
      this.logouts++;
      this.#signedIn = false;
      return reply(200, { ok: true });
    }
    if (!this.#alive()) return gone();
    if (path === '/api/auth/session') return reply(200, this.#info());
    if (path === '/api/auth/keep-alive') {
      this.keepAlives++;
      this.touch();
      return reply(200, this.#info());
    }
    return reply(200, { ok: true });
  };
}

describe('Session: the inactivity sign-out follows the server', () => {
  let server: FakeAuthServer;
  let session: Session;
  const signedIn = async () => {
    session = new Session();
    expect(await session.login('coordinator', 'pw')).toBeNull();
    expect(session.phase).toBe('signedIn');
  };
  const after = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-01T14:00:00Z') });
    server = new FakeAuthServer();
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('warns two minutes before a 15-minute limit, counts down, and signs out at the limit saying why', async () => {
    await signedIn();
    await after(13 * minute - 1000);
    expect(session.warningLeftMs).toBeNull();
    await after(2000);
    expect(session.warningLeftMs).toBeGreaterThan(118_000);
    expect(session.warningLeftMs).toBeLessThanOrEqual(120_000);
    await after(60_000);
    expect(session.warningLeftMs).toBeLessThanOrEqual(60_000);
    await after(60_000);
    expect(session.phase).toBe('signedOut');
    expect(session.endedMessage).toBe('You were signed out after 15 minutes without activity.');
    expect(session.lastUsername).toBe('coordinator');
  });

  it('reports input as activity (at most one keep-alive a minute), so a working user is never warned', async () => {
    await signedIn();
    for (let i = 0; i < 300; i++) {
      await after(6000); // a click every 6 s for 30 minutes
      session.activity();
    }
    expect(session.phase).toBe('signedIn');
    expect(session.warningLeftMs).toBeNull();
    expect(server.keepAlives).toBeGreaterThanOrEqual(28);
    expect(server.keepAlives).toBeLessThanOrEqual(31);
  });

  it('does not warn when another tab kept the session alive: it re-reads the session at the warning time', async () => {
    await signedIn();
    await after(10 * minute);
    server.touch();
    await after(3 * minute + 1000); // the first warning time: the session now lasts until 25 min
    expect(session.warningLeftMs).toBeNull();
    await after(10 * minute);
    expect(session.warningLeftMs).not.toBeNull();
    expect(session.phase).toBe('signedIn');
  });

  it('"Stay signed in" hides the warning and moves the limit', async () => {
    await signedIn();
    await after(14 * minute);
    expect(session.warningLeftMs).not.toBeNull();
    await session.stay();
    expect(session.warningLeftMs).toBeNull();
    await after(12 * minute);
    expect(session.phase).toBe('signedIn');
    await after(4 * minute);
    expect(session.phase).toBe('signedOut');
  });

  it('follows the server clock when the browser clock is 5 minutes behind', async () => {
    server.skewMs = 5 * minute;
    await signedIn();
    await after(12 * minute);
    expect(session.warningLeftMs).toBeNull();
    await after(2 * minute);
    expect(session.warningLeftMs).not.toBeNull();
    await after(minute + 1000);
    expect(session.phase).toBe('signedOut');
  });

  it('ends at the absolute limit without a warning (activity cannot extend it)', async () => {
    server.maxMs = 10 * minute;
    await signedIn();
    await after(9 * minute);
    session.activity();
    await after(30_000);
    expect(session.warningLeftMs).toBeNull();
    await after(31_000);
    expect(session.phase).toBe('signedOut');
    expect(session.endedMessage).toBe('Your session reached its time limit. Sign in again to continue.');
  });

  it('goes back to sign-in when any call finds the session ended elsewhere', async () => {
    await signedIn();
    server.revoke();
    const result = await api('listStaff');
    expect(result.ok).toBe(false);
    await after(0);
    expect(session.phase).toBe('signedOut');
  });

  it('keeps the old limit armed while the server cannot be reached', async () => {
    await signedIn();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await after(5 * minute);
    session.activity();
    await after(minute);
    expect(session.phase).toBe('signedIn');
    await after(10 * minute);
    expect(session.phase).toBe('signedOut');
  });
});
