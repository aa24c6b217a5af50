import type { ApiError, SessionEndReason, SessionInfo } from '@clinicflow/contracts';
import { mayRun, maySee, type Actor, type CommandName, type ViewName } from '@clinicflow/domain';
import { api, setUnauthenticatedHandler } from './api';
import { messages as t } from './messages';

export type SessionPhase = 'loading' | 'signedOut' | 'signedIn';
/** Why the console went back to the login screen: the server's reasons, plus the user's own sign-outs. */
export type EndReason = SessionEndReason | 'unknown' | 'byUser' | 'everywhere';

const keepAliveMaxEveryMs = 60_000;
const warnAheadMaxMs = 120_000;
// NOTE: a deadline that moves by less than this after a re-check is treated as unchanged (Date header is 1 s).
const slackMs = 2_000;

/** "15 minutes", or "90 seconds" for a limit that is not whole minutes. */
function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds % 60 === 0 ? t.minutes(seconds / 60) : t.seconds(seconds);
}

/** M:SS, rounded up so the countdown reaches 0:00 only at the deadline. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The signed-in staff member, their permissions, and the inactivity logoff. Deadlines come from the server
 * (idleExpiresAt, expiresAt) shifted by the server clock offset; before acting on one, the session is re-read,
 * because another tab of the same session may have kept it alive.
 */
export class Session {
  #phase = $state<SessionPhase>('loading');
  #info = $state.raw<SessionInfo | null>(null);
  #endedMessage = $state<string | null>(null);
  /** Milliseconds left while the inactivity warning is shown, else null. */
  #warningLeftMs = $state<number | null>(null);
  #lastUsername = $state('');

  /** Local-clock deadlines (ms). */
  #idleDeadline = 0;
  #absoluteDeadline = 0;
  #lastKeepAliveAt = 0;
  #keepAliveInFlight = false;
  #keepAliveTimer: ReturnType<typeof setTimeout> | null = null;
  #deadlineTimer: ReturnType<typeof setTimeout> | null = null;
  #countdownTimer: ReturnType<typeof setInterval> | null = null;
  /** Bumped on every sign-in and sign-out, so a late answer for an old session changes nothing. */
  #generation = 0;

  constructor() {
    setUnauthenticatedHandler(() => void this.verify());
  }

  get phase(): SessionPhase {
    return this.#phase;
  }
  get info(): SessionInfo | null {
    return this.#info;
  }
  get actor(): Actor | null {
    const staff = this.#info?.staff;
    return staff ? { kind: 'staff', id: staff.id, role: staff.role } : null;
  }
  /** Why the user is on the login screen (null on a first visit). */
  get endedMessage(): string | null {
    return this.#endedMessage;
  }
  get warningLeftMs(): number | null {
    return this.#warningLeftMs;
  }
  /** The username of the last session, to prefill the login form after a logoff. */
  get lastUsername(): string {
    return this.#lastUsername;
  }

  may(command: CommandName): boolean {
    return mayRun(this.actor, command);
  }
  canSee(view: ViewName): boolean {
    return maySee(this.actor, view);
  }

  /** On load: resume the session the cookie carries, or show the login screen. */
  async start(): Promise<void> {
    const result = await api<SessionInfo>('session');
    if (result.ok) this.#begin(result.data, result.serverNowMs, false);
    else this.#phase = 'signedOut';
  }

  async login(username: string, password: string): Promise<ApiError | null> {
    const result = await api<SessionInfo>('login', { body: { username, password } });
    if (!result.ok) return result.error;
    this.#begin(result.data, result.serverNowMs, true);
    return null;
  }

  async signOut(): Promise<void> {
    await api('logout');
    this.#end('byUser');
  }

  /** Ends every session of this account; on failure nothing changes and the error is returned. */
  async signOutEverywhere(): Promise<ApiError | null> {
    const result = await api('logoutEverywhere');
    if (!result.ok && result.status !== 401) return result.error;
    this.#end('everywhere');
    return null;
  }

  /** The socket said the session ended (idle, expired, signed out elsewhere, revoked, disabled). */
  ended(reason: SessionEndReason): void {
    if (this.#phase === 'signedIn') this.#end(reason);
  }

  /** Re-reads the session (not counted as activity): ends it here when the server no longer knows it. */
  async verify(): Promise<void> {
    if (this.#phase !== 'signedIn') return;
    const generation = this.#generation;
    const result = await api<SessionInfo>('session');
    if (generation !== this.#generation) return;
    if (result.ok) this.#apply(result.data, result.serverNowMs);
    else if (result.status === 401) this.#end('unknown');
  }

  /** User input (pointer, key). While the warning shows, only its buttons count. */
  activity(): void {
    if (this.#phase !== 'signedIn' || this.#warningLeftMs !== null || this.#keepAliveTimer) return;
    const wait = this.#lastKeepAliveAt + this.#keepAliveEveryMs() - Date.now();
    this.#keepAliveTimer = setTimeout(
      () => {
        this.#keepAliveTimer = null;
        void this.#keepAlive();
      },
      Math.max(0, wait),
    );
  }

  /** "Stay signed in" on the warning. */
  async stay(): Promise<void> {
    this.#hideWarning();
    await this.#keepAlive();
  }

  /** After tab sleep or throttled timers: re-evaluate the deadlines now. */
  wake(): void {
    if (this.#phase === 'signedIn') this.#schedule();
  }

  #keepAliveEveryMs(): number {
    const idle = this.#info?.idleTimeoutMs ?? 15 * 60_000;
    return Math.min(keepAliveMaxEveryMs, Math.floor(idle / 4));
  }

  #warnAheadMs(): number {
    const idle = this.#info?.idleTimeoutMs ?? 15 * 60_000;
    return Math.min(warnAheadMaxMs, Math.floor(idle * 0.2));
  }

  async #keepAlive(): Promise<void> {
    if (this.#phase !== 'signedIn' || this.#keepAliveInFlight) return;
    const generation = this.#generation;
    this.#keepAliveInFlight = true;
    this.#lastKeepAliveAt = Date.now();
    const result = await api<SessionInfo>('keepAlive');
    this.#keepAliveInFlight = false;
    if (generation !== this.#generation) return;
    if (result.ok) this.#apply(result.data, result.serverNowMs);
    else if (result.status !== 401) this.#schedule(); // offline: keep the old deadlines armed
  }

  #begin(info: SessionInfo, serverNowMs: number, active: boolean): void {
    this.#generation++;
    this.#endedMessage = null;
    this.#lastUsername = info.staff.username;
    this.#lastKeepAliveAt = active ? Date.now() : 0;
    this.#phase = 'signedIn';
    this.#apply(info, serverNowMs);
  }

  #apply(info: SessionInfo, serverNowMs: number): void {
    const offset = serverNowMs - Date.now();
    this.#info = info;
    this.#idleDeadline = Date.parse(info.idleExpiresAt) - offset;
    this.#absoluteDeadline = Date.parse(info.expiresAt) - offset;
    this.#schedule();
  }

  #schedule(): void {
    this.#clearDeadlineTimer();
    const now = Date.now();
    if (this.#absoluteDeadline <= this.#idleDeadline) {
      // Activity cannot extend the absolute limit, so there is nothing to warn about.
      this.#hideWarning();
      this.#deadlineTimer = setTimeout(() => void this.#onDeadline('expired'), this.#absoluteDeadline - now);
      return;
    }
    const warnAt = this.#idleDeadline - this.#warnAheadMs();
    if (now < warnAt) {
      this.#hideWarning();
      this.#deadlineTimer = setTimeout(() => void this.#onWarnTime(), warnAt - now);
    } else if (now < this.#idleDeadline) {
      this.#showWarning();
    } else {
      void this.#onDeadline('idle');
    }
  }

  async #onWarnTime(): Promise<void> {
    if (this.#keepAliveTimer) {
      // Input since the last keep-alive: the user is here, so report it instead of warning.
      clearTimeout(this.#keepAliveTimer);
      this.#keepAliveTimer = null;
      await this.#keepAlive();
      return;
    }
    const deadline = this.#idleDeadline;
    await this.verify();
    if (this.#phase !== 'signedIn') return;
    // Another tab kept the session alive: #apply has already rescheduled.
    if (this.#idleDeadline > deadline + slackMs) return;
    this.#showWarning();
  }

  #showWarning(): void {
    const tick = () => {
      const left = this.#idleDeadline - Date.now();
      if (left <= 0) void this.#onDeadline('idle');
      else this.#warningLeftMs = left;
    };
    tick();
    if (!this.#countdownTimer && this.#phase === 'signedIn') this.#countdownTimer = setInterval(tick, 250);
  }

  #hideWarning(): void {
    if (this.#countdownTimer) clearInterval(this.#countdownTimer);
    this.#countdownTimer = null;
    this.#warningLeftMs = null;
  }

  async #onDeadline(reason: 'idle' | 'expired'): Promise<void> {
    this.#hideWarning();
    this.#clearDeadlineTimer();
    const generation = this.#generation;
    const result = await api<SessionInfo>('session');
    if (generation !== this.#generation) return;
    if (result.ok) {
      const idleLeft = Date.parse(result.data.idleExpiresAt) - result.serverNowMs;
      const absoluteLeft = Date.parse(result.data.expiresAt) - result.serverNowMs;
      if (Math.min(idleLeft, absoluteLeft) > slackMs) {
        this.#apply(result.data, result.serverNowMs);
        return;
      }
      // The clocks disagree by a little: make sure the server ends it too.
      await api('logout');
    }
    this.#end(reason);
  }

  #clearDeadlineTimer(): void {
    if (this.#deadlineTimer) clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = null;
  }

  #end(reason: EndReason): void {
    const idleMs = this.#info?.idleTimeoutMs ?? 15 * 60_000;
    this.#generation++;
    this.#hideWarning();
    this.#clearDeadlineTimer();
    if (this.#keepAliveTimer) clearTimeout(this.#keepAliveTimer);
    this.#keepAliveTimer = null;
    // Dropping the session unmounts every signed-in screen, which closes the socket and its patient data.
    this.#info = null;
    this.#phase = 'signedOut';
    this.#endedMessage = reason === 'idle' ? t.signedOut.idle(describeDuration(idleMs)) : t.signedOut[reason];
  }
}

/** The one session of this tab. */
export const session = new Session();
