import type { Actor, StaffRole } from '@clinicflow/domain';
import type { StaffAccount } from '@clinicflow/contracts';
import { constraintViolated, repo, type StaffRow } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import { hashPassword } from '../auth/auth.service';
import type { ServiceContext } from '../../platform/context';

/** Admins manage accounts: one per person, never shared; disabling or a new password withdraws their access. */
export class StaffService {
  readonly #ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  async list(): Promise<StaffAccount[]> {
    const rows = await repo.staff.list(this.#ctx.db, this.#ctx.clinicId);
    return Promise.all(rows.map((r) => this.#account(r)));
  }

  async create(input: {
    by: Actor;
    origin: string | null;
    username: string;
    displayName: string;
    role: StaffRole;
    password: string;
  }): Promise<StaffAccount | 'USERNAME_TAKEN'> {
    try {
      const row = await repo.staff.insert(this.#ctx.db, {
        clinicId: this.#ctx.clinicId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      });
      await audit(this.#ctx, {
        actor: input.by,
        action: 'CreateStaffAccount',
        entityType: 'staff',
        entityId: row.id,
        origin: input.origin,
      });
      await this.#ctx.events.emit('staffChanged', {});
      return this.#account(row);
    } catch (error) {
      if (constraintViolated(error, 'staff_clinic_username_key')) return 'USERNAME_TAKEN';
      throw error;
    }
  }

  /** Returns the updated account, or null when there is no such account. */
  async update(input: {
    by: Actor;
    origin: string | null;
    id: string;
    changes: {
      displayName?: string | undefined;
      role?: StaffRole | undefined;
      disabled?: boolean | undefined;
    };
  }): Promise<StaffAccount | null> {
    const existing = await repo.staff.get(this.#ctx.db, this.#ctx.clinicId, input.id);
    if (!existing) return null;
    const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined));
    await repo.staff.update(this.#ctx.db, input.id, changes);
    await audit(this.#ctx, {
      actor: input.by,
      action: 'UpdateStaffAccount',
      entityType: 'staff',
      entityId: input.id,
      origin: input.origin,
    });
    if (changes.disabled) {
      await this.#ctx.events.emit('accessWithdrawn', {
        staffId: input.id,
        reason: 'disabled',
        by: input.by,
        origin: input.origin,
      });
    }
    await this.#ctx.events.emit('staffChanged', {});
    return this.#account({ ...existing, ...changes });
  }

  async resetPassword(input: {
    by: Actor;
    origin: string | null;
    id: string;
    password: string;
  }): Promise<boolean> {
    const existing = await repo.staff.get(this.#ctx.db, this.#ctx.clinicId, input.id);
    if (!existing) return false;
    await repo.staff.update(this.#ctx.db, input.id, { passwordHash: await hashPassword(input.password) });
    await audit(this.#ctx, {
      actor: input.by,
      action: 'ResetStaffPassword',
      entityType: 'staff',
      entityId: input.id,
      origin: input.origin,
    });
    // A new password ends every session that was signed in with the old one.
    await this.#ctx.events.emit('accessWithdrawn', {
      staffId: input.id,
      reason: 'revoked',
      by: input.by,
      origin: input.origin,
    });
    return true;
  }

  async #account(r: StaffRow): Promise<StaffAccount> {
    const throttle = await repo.loginThrottle.get(this.#ctx.db, `account:${r.username}`);
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
