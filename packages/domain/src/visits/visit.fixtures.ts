/** The visits and actor classes shared by the visit.*.spec.ts files. Not exported from the package. */
import type { Visit, VisitStatus } from './visit';
import type { Room } from '../rooms/room';
import { deviceTypes, staffRoles, type ActorClass } from '../shared/actor';
import { iso, makeRoom, makeVisit } from '../testing/fixtures';

export const allActorClasses: ActorClass[] = [...staffRoles, ...deviceTypes, 'system'];
const roomStatuses = ['called', 'in_room', 'with_provider'] as const satisfies readonly VisitStatus[];
export const holdsRoomIn = (s: VisitStatus) => (roomStatuses as readonly VisitStatus[]).includes(s);

/** A visit in `status` with whatever a real one in that status would have (a room once called). */
export function visitIn(
  status: VisitStatus,
  overrides: Partial<Visit> = {},
): { visit: Visit; heldRoom: Room | null } {
  const since = status === 'booked' ? iso(-60) : iso(-5);
  const base = { status, times: { booked: iso(-60), [status]: since }, statusSince: since, version: 4 };
  if (holdsRoomIn(status)) {
    const visit = makeVisit({ ...base, roomId: 'r1', ...overrides });
    return { visit, heldRoom: makeRoom({ status: 'occupied', visitId: visit.id, version: 7 }) };
  }
  return { visit: makeVisit({ ...base, ...overrides }), heldRoom: null };
}
