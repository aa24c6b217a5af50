import { createStaffSchema, resetPasswordSchema, updateStaffSchema } from '@clinicflow/contracts';
import type { Router } from '../../http/route';

export function registerStaffRoutes({ route, deps, error, invalid, origin }: Router): void {
  route('listStaff', () => deps.staff.list());

  route('createStaff', async (req, reply, caller) => {
    const parsed = createStaffSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const created = await deps.staff.create({ ...parsed.data, by: caller.actor!, origin: origin(req) });
    if (created === 'USERNAME_TAKEN') {
      return error(reply, 409, {
        code: 'CONFLICT',
        message: 'That username is taken.',
        issues: [{ path: 'username', message: 'That username is taken.' }],
      });
    }
    return reply.code(201).send(created);
  });

  route('updateStaff', async (req, reply, caller) => {
    const parsed = updateStaffSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const id = (req.params as { id: string }).id;
    if (
      id === caller.staff?.staff.id &&
      (parsed.data.disabled || (parsed.data.role && parsed.data.role !== 'admin'))
    ) {
      return error(reply, 409, {
        code: 'CONFLICT',
        message: 'You cannot disable your own account or remove your own admin role.',
      });
    }
    const updated = await deps.staff.update({
      by: caller.actor!,
      origin: origin(req),
      id,
      changes: parsed.data,
    });
    if (!updated) return error(reply, 404, { code: 'NOT_FOUND', message: 'No such account.' });
    if (parsed.data.disabled) {
      deps.realtime.endSessions(
        await deps.auth.endAllSessions({
          staffId: id,
          by: caller.actor!,
          reason: 'disabled',
          origin: origin(req),
        }),
        'disabled',
      );
    }
    return updated;
  });

  route('resetPassword', async (req, reply, caller) => {
    const parsed = resetPasswordSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const id = (req.params as { id: string }).id;
    if (
      !(await deps.staff.resetPassword({
        by: caller.actor!,
        origin: origin(req),
        id,
        password: parsed.data.password,
      }))
    ) {
      return error(reply, 404, { code: 'NOT_FOUND', message: 'No such account.' });
    }
    // A new password ends every session that was signed in with the old one.
    deps.realtime.endSessions(
      await deps.auth.endAllSessions({
        staffId: id,
        by: caller.actor!,
        reason: 'revoked',
        origin: origin(req),
      }),
      'revoked',
    );
    return { ok: true };
  });
}
