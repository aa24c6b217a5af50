import type { Actor } from '@clinicflow/domain';
import type { View } from '@clinicflow/contracts';

/**
 * NOTE: until staff login and device pairing exist, the screen a client says it is decides who it acts as.
 * Displays still get only display projections and may send no command; the console acts as a coordinator.
 */
export function actorFor(view: View): Actor {
  if (view === 'flowBoard') return { kind: 'staff', id: 'console', role: 'coordinator' };
  if (view === 'kiosk') return { kind: 'device', id: 'kiosk', type: 'kiosk' };
  return { kind: 'device', id: 'display', type: 'waiting_room_display' };
}
