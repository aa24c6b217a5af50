import { hash, verify } from '@node-rs/argon2';
import type { Actor, StaffRole } from '@clinicflow/domain';
import type { SessionEndReason, SessionInfo } from '@clinicflow/contracts';
import {
  clearThrottle,
  endSession,
  endStaffSessions,
  findSessionByTokenHash,
  findStaffByUsername,
  getSession,
  getStaff,
  getThrottle,
  insertSession,
  saveThrottle,
  touchSession,
  type SessionRow,
  type StaffRow,
} from '@clinicflow/db';
import { audit } from './audit.service';
import type { ServiceContext } from './context';
import { hashToken, newToken } from './tokens';

export type SessionPolicy = { idleMs: number; maxMs: number };

/** Lockout: 5 failures for one account, or 20 from one address, within 15 minutes lock it for 15 minutes. */
const throttleRules = { account: 5, address: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

// Verifying against a real hash when the account does not exist keeps the answer time the same either way.
const decoyHash = hash('not-a-real-password-decoy');

export const hashPassword = (password: string): Promise<string> => hash(password);

export type StaffSession = { actor: Extract<Actor, { kind: 'staff' }>; session: SessionRow; staff: StaffRow };

export type LoginResult =
  | { ok: true; token: string; info: SessionInfo }
  | {
      ok: false;
      status: 401 | 403 | 429;
      code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LOCKED_OUT';
      message: string;
    };

export class AuthService {
  readonly #ctx: ServiceContext;
  readonly #policy: SessionPolicy;

  constructor(ctx: ServiceContext, policy: SessionPolicy) {
    this.#ctx = ctx;
    this.#policy = policy;
  }

  get policy(): SessionPolicy {
    return this.#policy;
  }

  async login(input: { username: string; password: string; origin: string | null }): Promise<LoginResult> {
    const { db, clinicId, clock } = this.#ctx;
    const now = clock.now();
    const keys = [`account:${input.username}`, `address:${input.origin ?? 'unknown'}`] as const;
    const locked = await this.#lockedUntil(keys, now);
    if (locked) return lockedOut(locked, now);

    const staff = await findStaffByUsername(db, clinicId, input.username);
    const valid = await verify(staff?.passwordHash ?? (await decoyHash), input.password).catch(() => false);
    if (!staff || !staff.passwordHash || !valid) {
      const lockedNow = await this.#recordFailure(keys, now);
      await this.#audit({ kind: 'system' }, 'LoginFailed', 'staff', staff?.id ?? null, input.origin);
      if (lockedNow) return lockedOut(lockedNow, now);
      return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Wrong username or password.' };
    }
    if (staff.disabled) {
      await this.#audit(actorOf(staff), 'LoginRefusedDisabled', 'staff', staff.id, input.origin);
      return { ok: false, status: 403, code: 'FORBIDDEN', message: 'This account is disabled.' };
    }
    await clearThrottle(db, keys[0]);
    const token = newToken();
    const session = await insertSession(db, {
      clinicId,
      staffId: staff.id,
      tokenHash: hashToken(token),
      now,
      expiresAt: new Date(now.getTime() + this.#policy.maxMs),
      origin: input.origin,
    });
    await this.#audit(actorOf(staff), 'LoginSucceeded', 'session', session.id, input.origin);
    return { ok: true, token, info: this.info(staff, session) };
  }

  /** The staff member behind a session token, or why there is none. `touch` counts the call as activity. */
  async authenticate(
    token: string | undefined,
    options: { touch: boolean },
  ): Promise<StaffSession | { ended: SessionEndReason | 'unknown' }> {
    if (!token) return { ended: 'unknown' };
    const session = await findSessionByTokenHash(this.#ctx.db, hashToken(token));
    return session ? this.#check(session, options) : { ended: 'unknown' };
  }

  /** Re-checks a session already known by id (sockets re-check theirs while connected). */
  async recheck(
    sessionId: string,
    options: { touch: boolean },
  ): Promise<StaffSession | { ended: SessionEndReason | 'unknown' }> {
    const session = await getSession(this.#ctx.db, sessionId);
    return session ? this.#check(session, options) : { ended: 'unknown' };
  }

  async #check(
    session: SessionRow,
    options: { touch: boolean },
  ): Promise<StaffSession | { ended: SessionEndReason | 'unknown' }> {
    const { db, clinicId, clock } = this.#ctx;
    const now = clock.now();
    if (session.endedAt) return { ended: (session.endReason as SessionEndReason | null) ?? 'signed_out' };
    const staff = await getStaff(db, clinicId, session.staffId);
    const reason: SessionEndReason | null =
      !staff || staff.disabled
        ? 'disabled'
        : now >= session.expiresAt
          ? 'expired'
          : now.getTime() - session.lastActiveAt.getTime() >= this.#policy.idleMs
            ? 'idle'
            : null;
    if (reason || !staff) {
      await endSession(db, session.id, { now, reason: reason ?? 'disabled' });
      return { ended: reason ?? 'disabled' };
    }
    // Write at most every 15 s: activity is a minute-scale signal, not a per-click one.
    if (options.touch && now.getTime() - session.lastActiveAt.getTime() > 15_000) {
      await touchSession(db, session.id, now);
      session = { ...session, lastActiveAt: now };
    }
    return { actor: actorOf(staff), session, staff };
  }

  info(staff: StaffRow, session: SessionRow): SessionInfo {
    return {
      staff: { id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role },
      idleTimeoutMs: this.#policy.idleMs,
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: new Date(
        Math.min(session.lastActiveAt.getTime() + this.#policy.idleMs, session.expiresAt.getTime()),
      ).toISOString(),
    };
  }

  async logout(who: StaffSession, origin: string | null): Promise<void> {
    await endSession(this.#ctx.db, who.session.id, { now: this.#ctx.clock.now(), reason: 'signed_out' });
    await this.#audit(who.actor, 'Logout', 'session', who.session.id, origin);
  }

  /** Ends every session of a staff member; returns their ids so their sockets can be closed. */
  async endAllSessions(input: {
    staffId: string;
    by: Actor;
    reason: SessionEndReason;
    origin: string | null;
  }): Promise<string[]> {
    const ids = await endStaffSessions(this.#ctx.db, input.staffId, {
      now: this.#ctx.clock.now(),
      reason: input.reason,
    });
    await this.#audit(input.by, 'EndAllSessions', 'staff', input.staffId, input.origin);
    return ids;
  }

  async #lockedUntil(keys: readonly string[], now: Date): Promise<Date | null> {
    for (const key of keys) {
      const state = await getThrottle(this.#ctx.db, key);
      if (state?.lockedUntil && state.lockedUntil > now) return state.lockedUntil;
    }
    return null;
  }

  /** Counts a failure against the account and the address; returns the lock end if this failure locked one. */
  async #recordFailure(keys: readonly [string, string], now: Date): Promise<Date | null> {
    let locked: Date | null = null;
    for (const [i, key] of keys.entries()) {
      const limit = i === 0 ? throttleRules.account : throttleRules.address;
      const prev = await getThrottle(this.#ctx.db, key);
      const fresh = !prev || now.getTime() - prev.windowStartedAt.getTime() > throttleRules.windowMs;
      const failures = fresh ? 1 : prev.failures + 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + throttleRules.lockMs) : null;
      await saveThrottle(this.#ctx.db, key, {
        failures: lockedUntil ? 0 : failures,
        windowStartedAt: fresh || lockedUntil ? now : prev.windowStartedAt,
        lockedUntil,
      });
      locked ??= lockedUntil;
    }
    return locked;
  }

  #audit(actor: Actor, action: string, entityType: string, entityId: string | null, origin: string | null) {
    return audit(this.#ctx, { actor, action, entityType, entityId, origin });
  }
}

export const actorOf = (staff: { id: string; role: StaffRole }): Extract<Actor, { kind: 'staff' }> => ({
  kind: 'staff',
  id: staff.id,
  role: staff.role,
});

function lockedOut(until: Date, now: Date): LoginResult {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return {
    ok: false,
    status: 429,
    code: 'LOCKED_OUT',
    message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or ask an administrator.`,
  };
}
