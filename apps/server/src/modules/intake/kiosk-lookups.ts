import { clinicDay, mayRun, type Actor } from '@clinicflow/domain';
import { findAppointmentSchema, type FindAppointmentResult } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';
import { surveyFor } from './intake.handlers';
import type { KioskScope } from '../../platform/kiosk-scope';

/** A real kiosk has one lookup at a time; more waiting than this is a script, refused at once. */
const maxWaitingPerKiosk = 2;

/**
 * The one way a kiosk looks a patient up, whichever transport it came by: one lookup at a time per kiosk, and
 * after repeated misses each waits its slowdown, computed once the earlier misses are counted. So a kiosk cannot
 * guess dates of birth faster by asking many at once, or by HTTP instead of the socket.
 */
export class KioskLookups {
  readonly #ctx: ServiceContext;
  readonly #scope: KioskScope;
  readonly #queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();
  readonly #closing = new AbortController();

  constructor(ctx: ServiceContext, scope: KioskScope) {
    this.#ctx = ctx;
    this.#scope = scope;
  }

  async find(input: { query: unknown; actor: Actor; origin: string | null }): Promise<FindAppointmentResult> {
    if (!mayRun(input.actor, 'FindAppointment')) {
      return { ok: false, code: 'NOT_ALLOWED', message: 'Only a kiosk looks up appointments.' };
    }
    const key = input.actor.kind === 'system' ? 'system' : input.actor.id;
    const queue = this.#queues.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= maxWaitingPerKiosk) {
      return { ok: false, code: 'RATE_LIMITED', message: 'One moment: this kiosk is still looking.' };
    }
    queue.waiting++;
    this.#queues.set(key, queue);
    const mine = queue.tail.then(async () => {
      if (!(await this.#wait(this.#scope.delayMs(key, this.#ctx.clock.now())))) {
        return {
          ok: false,
          code: 'UNAVAILABLE',
          message: 'The server is restarting; try again in a moment.',
        } as const;
      }
      const result = await findAppointment(this.#ctx, input);
      if (result.ok || result.code === 'NOT_FOUND' || result.code === 'AMBIGUOUS') {
        this.#scope.recordLookup(key, result.ok ? result.match.visitId : null, this.#ctx.clock.now());
      }
      return result;
    });
    queue.tail = mine.catch(() => undefined);
    try {
      return await mine;
    } finally {
      if (--queue.waiting === 0) this.#queues.delete(key);
    }
  }

  /** Shutdown: lookups still sleeping off a slowdown are answered now instead of holding the server up. */
  close(): void {
    this.#closing.abort();
  }

  /** Sleeps off a slowdown; false when the server began shutting down meanwhile. */
  #wait(ms: number): Promise<boolean> {
    const signal = this.#closing.signal;
    if (signal.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/**
 * A patient finds today's appointment by last name and date of birth. At most one match comes back, with only
 * what they need to recognise it; two different patients with the same name and birthday go to the desk.
 */
async function findAppointment(
  ctx: ServiceContext,
  input: { query: unknown; actor: Actor; origin: string | null },
): Promise<FindAppointmentResult> {
  const parsed = findAppointmentSchema.safeParse(input.query);
  if (!parsed.success) {
    return { ok: false, code: 'VALIDATION', message: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (txDb) => {
    const tx = txDb as Db;
    const clinic = await repo.clinics.get(tx, ctx.clinicId);
    if (!clinic) throw new Error('clinic missing');
    const where = { clinicId: ctx.clinicId, day: clinicDay(now, clinic.timezone) };
    const visits =
      'code' in parsed.data
        ? await repo.visits.findByAppointmentCode(tx, { ...where, code: parsed.data.code })
        : await repo.visits.findByPatient(tx, { ...where, ...parsed.data });
    const patients = new Set(visits.map((v) => v.patientId));
    // Lock before auditing so the audit chain stays linear (see repo.auditLog.append).
    await repo.clinics.lock(tx, ctx.clinicId);
    await repo.auditLog.append(tx, {
      clinicId: ctx.clinicId,
      at: now,
      actor: input.actor,
      action: 'FindAppointment',
      entityType: 'patient',
      entityId: patients.size === 1 ? [...patients][0]! : null,
      origin: input.origin,
    });
    if (patients.size === 0)
      return { ok: false, code: 'NOT_FOUND', message: 'No appointment found for today.' };
    if (patients.size > 1) return { ok: false, code: 'AMBIGUOUS', message: 'Please see the front desk.' };
    // The next visit still to check in, else the one already under way.
    const visit = visits.find((v) => v.status === 'booked') ?? visits[0]!;
    return {
      ok: true,
      match: {
        visitId: visit.id,
        firstName: visit.patient.firstName,
        scheduledAt: visit.scheduledAt,
        status: visit.status,
        survey: await surveyFor(tx, ctx.clinicId, visit),
      },
    };
  });
}
