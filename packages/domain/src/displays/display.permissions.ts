import type { ActorClass } from '../shared/actor';

export const displayPermissions = {
  UpdateDisplaySettings: ['coordinator', 'admin', 'system'],
} as const satisfies Record<string, readonly ActorClass[]>;
