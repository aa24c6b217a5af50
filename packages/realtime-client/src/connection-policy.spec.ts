import { describe, expect, it } from 'vitest';
import { afterConnectError, afterDisconnect, asAuthError, refusedRetryMs } from './connection-policy';

describe('afterConnectError', () => {
  it('stops on refused credentials, even if socket.io would retry', () => {
    expect(afterConnectError({ message: 'UNAUTHENTICATED', active: false })).toEqual({
      kind: 'stop',
      authError: 'UNAUTHENTICATED',
    });
    expect(afterConnectError({ message: 'FORBIDDEN', active: true })).toEqual({
      kind: 'stop',
      authError: 'FORBIDDEN',
    });
  });

  it('leaves transport errors to socket.io', () => {
    expect(afterConnectError({ message: 'xhr poll error', active: true })).toEqual({ kind: 'wait' });
  });

  it('retries other middleware refusals itself, after a pause', () => {
    expect(afterConnectError({ message: 'RATE_LIMITED', active: false })).toEqual({
      kind: 'retry',
      afterMs: refusedRetryMs,
    });
  });
});

describe('afterDisconnect', () => {
  it('stops when the server said the device or session ended', () => {
    expect(afterDisconnect({ reason: 'io server disconnect', ended: true })).toEqual({
      kind: 'stop',
      authError: 'UNAUTHENTICATED',
    });
    expect(afterDisconnect({ reason: 'transport close', ended: true }).kind).toBe('stop');
  });

  it('retries a bare server-side disconnect after a pause', () => {
    expect(afterDisconnect({ reason: 'io server disconnect', ended: false })).toEqual({
      kind: 'retry',
      afterMs: refusedRetryMs,
    });
  });

  it('leaves network drops to socket.io and does nothing after close()', () => {
    expect(afterDisconnect({ reason: 'transport close', ended: false })).toEqual({ kind: 'wait' });
    expect(afterDisconnect({ reason: 'ping timeout', ended: false })).toEqual({ kind: 'wait' });
    expect(afterDisconnect({ reason: 'io client disconnect', ended: false })).toEqual({ kind: 'closed' });
  });
});

describe('asAuthError', () => {
  it('knows only the two credential refusals', () => {
    expect(asAuthError('UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    expect(asAuthError('FORBIDDEN')).toBe('FORBIDDEN');
    expect(asAuthError('INTERNAL')).toBeNull();
    expect(asAuthError(undefined)).toBeNull();
  });
});
