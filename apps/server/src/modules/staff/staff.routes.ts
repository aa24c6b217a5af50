import type { Router } from '../../http/route';

/** Account changes are commands; these routes are their REST spelling for the console's admin pages. */
export function registerStaffRoutes({ route, deps, command }: Router): void {
  route('listStaff', () => deps.staff.list());
  route('createStaff', (req, reply, caller) =>
    command({ req, reply, caller, type: 'CreateStaffAccount', created: true }),
  );
  route('updateStaff', (req, reply, caller) =>
    command({ req, reply, caller, type: 'UpdateStaffAccount', fields: { staffId: idOf(req) } }),
  );
  route('resetPassword', (req, reply, caller) =>
    command({ req, reply, caller, type: 'ResetStaffPassword', fields: { staffId: idOf(req) } }),
  );
}

const idOf = (req: { params: unknown }) => (req.params as { id: string }).id;
