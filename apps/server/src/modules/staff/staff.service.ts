import type { StaffAccount } from '@clinicflow/contracts';
import { type Db, repo, type StaffRow } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';

/** Staff accounts as admins see them: one per person, with whether sign-in is locked right now. */
export class StaffService {
  readonly #ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  async list(): Promise<StaffAccount[]> {
    const rows = await repo.staff.list(this.#ctx.db, this.#ctx.clinicId);
    return Promise.all(rows.map((r) => this.account(this.#ctx.db, r)));
  }

  async account(db: Db, r: StaffRow): Promise<StaffAccount> {
    const throttle = await repo.loginThrottle.get(db, `account:${r.username}`);
    const locked =
      throttle?.lockedUntil && throttle.lockedUntil > this.#ctx.clock.now() ? throttle.lockedUntil : null;
    return {
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      disabled: r.disabled,
      createdAt: r.createdAt,
      lockedUntil: locked?.toISOString() ?? null,
    };
  }
}
