import { createStaffSchema, resetPasswordSchema, updateStaffSchema } from '@clinicflow/contracts';
import { mayChangeAccount } from '@clinicflow/domain';
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
    const self = mayChangeAccount({ by: caller.staff!.staff.id, account: id, changes: parsed.data });
    if (!self.ok) return error(reply, 409, { code: 'CONFLICT', message: self.message });
    const updated = await deps.staff.update({
      by: caller.actor!,
      origin: origin(req),
      id,
      changes: parsed.data,
    });
    if (!updated) return error(reply, 404, { code: 'NOT_FOUND', message: 'No such account.' });
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
    return { ok: true };
  });
}
