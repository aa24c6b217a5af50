import { mayChangeAccount, refuse } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import type { InternalEvent } from '../../platform/event-bus';
import type { Handler } from '../../platform/handler';
import { hashPassword } from '../auth/auth.service';
import type { StaffService } from './staff.service';

// Admins manage accounts; disabling one or setting a new password withdraws the access it had.

export const createStaffAccount =
  (staff: StaffService): Handler<'CreateStaffAccount'> =>
  async ({ tx, command, clinicId }) => {
    // Every account change holds the clinic's lock, so nobody can take the name between this check and the insert.
    if (await repo.staff.findByUsername(tx, clinicId, command.username)) {
      return {
        ...refuse('CONFLICT', 'That username is taken.'),
        issues: [{ path: 'username', message: 'That username is taken.' }],
      };
    }
    const row = await repo.staff.insert(tx, {
      clinicId,
      username: command.username,
      displayName: command.displayName,
      role: command.role,
      passwordHash: await hashPassword(command.password),
    });
    return {
      ok: true,
      events: [],
      result: await staff.account(tx, row),
      entity: { type: 'staff', id: row.id },
      effects: [{ name: 'staffChanged', payload: {} }],
    };
  };

export const updateStaffAccount =
  (staff: StaffService): Handler<'UpdateStaffAccount'> =>
  async ({ tx, command, actor, clinicId, origin }) => {
    const { type: _t, commandId: _c, staffId, ...given } = command;
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    if (actor.kind === 'staff') {
      const self = mayChangeAccount({ by: actor.id, account: staffId, changes });
      if (!self.ok) return self;
    }
    const existing = await repo.staff.get(tx, clinicId, staffId);
    if (!existing) return refuse('NOT_FOUND', 'No such account.');
    await repo.staff.update(tx, clinicId, staffId, changes);
    const effects: InternalEvent[] = [{ name: 'staffChanged', payload: {} }];
    if (changes.disabled) {
      effects.unshift({
        name: 'accessWithdrawn',
        payload: { staffId, reason: 'disabled', by: actor, origin },
      });
    }
    return {
      ok: true,
      events: [],
      result: await staff.account(tx, { ...existing, ...changes }),
      entity: { type: 'staff', id: staffId },
      effects,
    };
  };

export const resetStaffPassword: Handler<'ResetStaffPassword'> = async ({
  tx,
  command,
  actor,
  clinicId,
  origin,
}) => {
  if (!(await repo.staff.get(tx, clinicId, command.staffId))) return refuse('NOT_FOUND', 'No such account.');
  await repo.staff.update(tx, clinicId, command.staffId, {
    passwordHash: await hashPassword(command.password),
  });
  return {
    ok: true,
    events: [],
    entity: { type: 'staff', id: command.staffId },
    // A new password ends every session that was signed in with the old one.
    effects: [
      {
        name: 'accessWithdrawn',
        payload: { staffId: command.staffId, reason: 'revoked', by: actor, origin },
      },
    ],
  };
};
