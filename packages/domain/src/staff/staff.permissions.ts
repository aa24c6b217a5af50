import type { ActorClass } from '../shared/actor';

export const staffPermissions = {
  CreateStaffAccount: ['admin'],
  UpdateStaffAccount: ['admin'],
  ResetStaffPassword: ['admin'],
} as const satisfies Record<string, readonly ActorClass[]>;
