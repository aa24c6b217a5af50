import type { ActorClass } from '../shared/actor';

export const schedulingPermissions = {
  AnnounceDelay: ['front_desk', 'coordinator', 'nurse', 'physician', 'admin', 'system'],
} as const satisfies Record<string, readonly ActorClass[]>;
