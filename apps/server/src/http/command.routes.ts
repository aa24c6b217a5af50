import type { Router } from './route';

export function registerCommandRoutes({ route, deps, origin }: Router): void {
  route('commands', (req, _reply, caller) =>
    deps.commands.execute({ actor: caller.actor!, command: req.body, origin: origin(req) }),
  );
}
