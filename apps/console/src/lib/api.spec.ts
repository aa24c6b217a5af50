import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '@clinicflow/contracts';
import { api, setUnauthenticatedHandler } from './api';

type Seen = { url: string; init: RequestInit };

/** `fetch` answering every call with one status and body, recording what was asked. */
function answer(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(null);
});

describe('api', () => {
  it('takes method and path from the contract, drops empty query values, and sends no body on a GET', async () => {
    const seen = answer(200, '[]');
    await api('auditLog', { query: { limit: 50, actor: '', before: undefined, entity: 'visit' } });
    expect(seen[0]!.url).toBe('/api/audit?limit=50&entity=visit');
    expect(seen[0]!.init.method).toBe('GET');
    expect(seen[0]!.init.body).toBeUndefined();
  });

  it('always sends a JSON body on a state change, even an empty one (the CSRF check expects it)', async () => {
    const seen = answer(200, '{"ok":true}');
    await api('logout');
    expect(seen[0]!.init).toMatchObject({ method: 'POST', body: '{}', credentials: 'same-origin' });
    expect(new Headers(seen[0]!.init.headers).get('content-type')).toBe('application/json');
  });

  it('fills path parameters', async () => {
    const seen = answer(200, '{}');
    await api('updateStaff', { params: { id: 'a b' }, body: { disabled: true } });
    expect(seen[0]!.url).toBe('/api/staff/a%20b');
    expect(seen[0]!.init.body).toBe('{"disabled":true}');
  });

  it('returns the server clock from the Date header', async () => {
    answer(200, '{}', { date: 'Tue, 01 Dec 2026 14:00:07 GMT' });
    const result = await api('session');
    expect(result).toMatchObject({ ok: true, serverNowMs: Date.parse('2026-12-01T14:00:07Z') });
  });

  it('never throws: a network failure and a non-JSON error page are errors with a message for people', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await api('session')).toEqual({
      ok: false,
      status: 0,
      error: {
        ok: false,
        code: 'INTERNAL',
        message: 'Could not reach the server. Check the connection and try again.',
      },
    });
    answer(502, '<html>Bad gateway</html>');
    expect(await api('listStaff')).toMatchObject({ ok: false, status: 502, error: { code: 'INTERNAL' } });
  });

  it("passes the server's own error through", async () => {
    const error: ApiError = { ok: false, code: 'FORBIDDEN', message: 'Not allowed.' };
    answer(403, JSON.stringify(error));
    expect(await api('listStaff')).toEqual({ ok: false, status: 403, error });
  });

  it('tells the session when a call finds it gone, but not for the sign-in and session reads themselves', async () => {
    const gone = vi.fn();
    setUnauthenticatedHandler(gone);
    answer(401, '{"ok":false,"code":"UNAUTHENTICATED","message":"Sign in again."}');
    await api('login', { body: {} });
    await api('session');
    expect(gone).not.toHaveBeenCalled();
    await api('listStaff');
    expect(gone).toHaveBeenCalledTimes(1);
  });
});
