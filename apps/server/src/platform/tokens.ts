import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies and device tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their sha256, so a copy of the database holds no usable credential. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off a screen across a room must not be misread.
const codeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';

/** Six characters read off a screen or a letter: pairing codes and appointment codes. */
export const newShortCode = (): string =>
  Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
