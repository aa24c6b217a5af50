import { hash, verify } from '@node-rs/argon2';
import type { Actor, StaffRole } from '@clinicflow/domain';
import type { SessionEndReason, SessionInfo } from '@clinicflow/contracts';
import { repo, type SessionRow, type StaffRow } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { hashToken, newToken } from '../../platform/tokens';

export type SessionPolicy = { idleMs: number; maxMs: number };

/**
 * Failed sign-ins within 15 minutes. Five for one account from one address lock that pair for 15 minutes; thirty
 * for one account from anywhere lock the account. An address is never locked (behind a proxy the whole clinic
 * shares one): past twenty failures each attempt from it waits first, 1 s doubling to 10 s, right password or not.
 */
const throttleRules = {
  pair: 5,
  account: 30,
  addressSlowAfter: 20,
  addressMaxDelayMs: 10_000,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
/** Attempts for one account from one address are taken one at a time; more waiting than this is a script. */
const maxWaitingPerPair = 2;

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
  readonly #pairs = new Map<string, { tail: Promise<unknown>; count: number }>();

  constructor(ctx: ServiceContext, policy: SessionPolicy) {
    this.#ctx = ctx;
    this.#policy = policy;
    ctx.events.on('accessWithdrawn', async ({ staffId, reason, by, origin }) => {
      await this.endAllSessions({ staffId, reason, by, origin });
    });
  }

  get policy(): SessionPolicy {
    return this.#policy;
  }

  async login(input: { username: string; password: string; origin: string | null }): Promise<LoginResult> {
    const address = input.origin ?? 'unknown';
    const keys = {
      pair: `pair:${input.username}@${address}`,
      account: `account:${input.username}`,
      address: `address:${address}`,
    };
    // One at a time per account and address, so many guesses at once are counted like guesses in a row.
    const waiting = this.#pairs.get(keys.pair) ?? { tail: Promise.resolve(), count: 0 };
    if (waiting.count >= maxWaitingPerPair) {
      return {
        ok: false,
        status: 429,
        code: 'LOCKED_OUT',
        message: 'Too many sign-in attempts at once; wait a moment.',
      };
    }
    waiting.count++;
    this.#pairs.set(keys.pair, waiting);
    const mine = waiting.tail.then(() => this.#attempt(input, keys));
    waiting.tail = mine.catch(() => undefined);
    try {
      return await mine;
    } finally {
      if (--waiting.count === 0) this.#pairs.delete(keys.pair);
    }
  }

  async #attempt(
    input: { username: string; password: string; origin: string | null },
    keys: { pair: string; account: string; address: string },
  ): Promise<LoginResult> {
    const { db, clinicId, clock } = this.#ctx;
    const locked = await this.#lockedUntil([keys.pair, keys.account], clock.now());
    if (locked) return lockedOut(locked, clock.now());
    const delay = await this.#addressDelayMs(keys.address, clock.now());
    if (delay) await new Promise((r) => setTimeout(r, delay));

    const now = clock.now();
    const staff = await repo.staff.findByUsername(db, clinicId, input.username);
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
    await repo.loginThrottle.clear(db, keys.pair);
    const token = newToken();
    const session = await repo.sessions.insert(db, {
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
    const session = await repo.sessions.findByTokenHash(this.#ctx.db, hashToken(token));
    return session ? this.#check(session, options) : { ended: 'unknown' };
  }

  /** Re-checks a session already known by id (sockets re-check theirs while connected). */
  async recheck(
    sessionId: string,
    options: { touch: boolean },
  ): Promise<StaffSession | { ended: SessionEndReason | 'unknown' }> {
    const session = await repo.sessions.get(this.#ctx.db, sessionId);
    return session ? this.#check(session, options) : { ended: 'unknown' };
  }

  async #check(
    session: SessionRow,
    options: { touch: boolean },
  ): Promise<StaffSession | { ended: SessionEndReason | 'unknown' }> {
    const { db, clinicId, clock } = this.#ctx;
    const now = clock.now();
    if (session.endedAt) return { ended: (session.endReason as SessionEndReason | null) ?? 'signed_out' };
    const staff = await repo.staff.get(db, clinicId, session.staffId);
    const reason: SessionEndReason | null =
      !staff || staff.disabled
        ? 'disabled'
        : now >= session.expiresAt
          ? 'expired'
          : now.getTime() - session.lastActiveAt.getTime() >= this.#policy.idleMs
            ? 'idle'
            : null;
    if (reason || !staff) {
      await repo.sessions.end(db, session.id, { now, reason: reason ?? 'disabled' });
      return { ended: reason ?? 'disabled' };
    }
    // Write at most every 15 s: activity is a minute-scale signal, not a per-click one.
    if (options.touch && now.getTime() - session.lastActiveAt.getTime() > 15_000) {
      await repo.sessions.touch(db, session.id, now);
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
    await repo.sessions.end(this.#ctx.db, who.session.id, {
      now: this.#ctx.clock.now(),
      reason: 'signed_out',
    });
    await this.#audit(who.actor, 'Logout', 'session', who.session.id, origin);
    await this.#ctx.events.emit('sessionsEnded', { sessionIds: [who.session.id], reason: 'signed_out' });
  }

  /** Ends every session of a staff member; their screens are told and closed. */
  async endAllSessions(input: {
    staffId: string;
    by: Actor;
    reason: SessionEndReason;
    origin: string | null;
  }): Promise<string[]> {
    const ids = await repo.sessions.endForStaff(this.#ctx.db, input.staffId, {
      now: this.#ctx.clock.now(),
      reason: input.reason,
    });
    await this.#audit(input.by, 'EndAllSessions', 'staff', input.staffId, input.origin);
    await this.#ctx.events.emit('sessionsEnded', { sessionIds: ids, reason: input.reason });
    return ids;
  }

  async #lockedUntil(keys: readonly string[], now: Date): Promise<Date | null> {
    for (const key of keys) {
      const state = await repo.loginThrottle.get(this.#ctx.db, key);
      if (state?.lockedUntil && state.lockedUntil > now) return state.lockedUntil;
    }
    return null;
  }

  /** How long an attempt from this address waits first: nothing until it has failed many times lately. */
  async #addressDelayMs(key: string, now: Date): Promise<number> {
    const state = await repo.loginThrottle.get(this.#ctx.db, key);
    if (!state || now.getTime() - state.windowStartedAt.getTime() > throttleRules.windowMs) return 0;
    const over = state.failures - throttleRules.addressSlowAfter;
    return over < 0 ? 0 : Math.min(throttleRules.addressMaxDelayMs, 1000 * 2 ** over);
  }

  /** Counts a failure against the pair, the account and the address; returns the lock end if one got locked. */
  async #recordFailure(
    keys: { pair: string; account: string; address: string },
    now: Date,
  ): Promise<Date | null> {
    let locked: Date | null = null;
    const limits: [string, number][] = [
      [keys.pair, throttleRules.pair],
      [keys.account, throttleRules.account],
      [keys.address, Number.POSITIVE_INFINITY],
    ];
    for (const [key, limit] of limits) {
      const prev = await repo.loginThrottle.get(this.#ctx.db, key);
      const fresh = !prev || now.getTime() - prev.windowStartedAt.getTime() > throttleRules.windowMs;
      const failures = fresh ? 1 : prev.failures + 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + throttleRules.lockMs) : null;
      await repo.loginThrottle.save(this.#ctx.db, key, {
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

const actorOf = (staff: { id: string; role: StaffRole }): Extract<Actor, { kind: 'staff' }> => ({
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
