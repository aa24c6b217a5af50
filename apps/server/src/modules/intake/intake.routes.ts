import type { Router } from '../../http/route';

export function registerIntakeRoutes({ route, deps, origin }: Router): void {
  route('findAppointment', (req, _reply, caller) =>
    deps.lookups.find({ query: req.body, actor: caller.actor!, origin: origin(req) }),
  );
}
