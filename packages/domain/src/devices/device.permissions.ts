import type { ActorClass } from '../shared/actor';

export const devicePermissions = {
  PairDevice: ['admin'],
  RevokeDevice: ['admin'],
  UpdateDevice: ['admin'],
} as const satisfies Record<string, readonly ActorClass[]>;
