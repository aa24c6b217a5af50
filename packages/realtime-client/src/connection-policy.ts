/** Refusals of the socket handshake that retrying cannot fix: the credentials themselves are wrong. */
export type AuthError = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** What to do after a failed connection attempt or a disconnect. */
export type ConnectionStep =
  /** socket.io retries by itself (network trouble, server restarting). */
  | { kind: 'wait' }
  /** Credentials refused: stop, and let the screen react (pair again, sign in again). */
  | { kind: 'stop'; authError: AuthError }
  /** Refused for another reason; socket.io will not retry by itself, so connect again after a pause. */
  | { kind: 'retry'; afterMs: number };

// NOTE: a pause before reconnecting after a refusal that is not about credentials (rate limit, server-side
// disconnect of a flooding socket), so a broken client cannot hammer the server.
export const refusedRetryMs = 5000;

const authErrors: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN'] satisfies AuthError[];

export function asAuthError(message: string | undefined): AuthError | null {
  return message !== undefined && authErrors.includes(message) ? (message as AuthError) : null;
}

/**
 * After `connect_error`. `active` is socket.io's `socket.active`: false when the server's middleware refused
 * the handshake (socket.io then never retries on its own), true for transport errors it will retry.
 */
export function afterConnectError({ message, active }: { message: string; active: boolean }): ConnectionStep {
  const authError = asAuthError(message);
  if (authError) return { kind: 'stop', authError };
  return active ? { kind: 'wait' } : { kind: 'retry', afterMs: refusedRetryMs };
}

/**
 * After `disconnect`. `ended` is set when the server said why first (`deviceRevoked`, `sessionEnded`); a bare
 * server-side disconnect (e.g. flood protection) is retried after a pause, the handshake then decides.
 */
export function afterDisconnect({
  reason,
  ended,
}: {
  reason: string;
  ended: boolean;
}): ConnectionStep | { kind: 'closed' } {
  if (ended) return { kind: 'stop', authError: 'UNAUTHENTICATED' };
  if (reason === 'io client disconnect') return { kind: 'closed' };
  if (reason === 'io server disconnect') return { kind: 'retry', afterMs: refusedRetryMs };
  return { kind: 'wait' };
}
