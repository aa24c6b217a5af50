// No zod here: the kiosk and wallboard import these, and their bundles must not carry the schemas.

/**
 * Why nothing happened, besides the domain's refusals: UNAVAILABLE, the server cannot reach its database;
 * RATE_LIMITED, too many in a short time; OFFLINE, said by the client itself when it has no connection.
 */
export type TransportFailureCode = 'VALIDATION' | 'INTERNAL' | 'UNAVAILABLE' | 'RATE_LIMITED' | 'OFFLINE';

/** Nothing was sent, or nothing was done, for a reason that goes away: send it again with the same commandId. */
export const worthRetrying = (code: string): boolean =>
  code === 'OFFLINE' || code === 'UNAVAILABLE' || code === 'INTERNAL';

export const unavailable = {
  ok: false,
  code: 'UNAVAILABLE',
  message: 'The server cannot reach its database; nothing was changed.',
} as const;

export const internalError = {
  ok: false,
  code: 'INTERNAL',
  message: 'Something went wrong on the server; nothing was changed.',
} as const;
