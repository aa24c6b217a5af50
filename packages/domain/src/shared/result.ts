/** Stable refusal codes: the UI translates these, so never rename one. */
export type RefusalCode =
  | 'ILLEGAL_TRANSITION'
  | 'NOT_ALLOWED'
  | 'ROOM_REQUIRED'
  | 'ROOM_NOT_AVAILABLE'
  | 'STALE_VERSION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OUTSIDE_HOURS'
  | 'INVALID';

export type Refusal = { ok: false; code: RefusalCode; message: string };
export type Result<T> = { ok: true; value: T } | Refusal;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });
