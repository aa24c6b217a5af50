import type { ActorClass } from '../shared/actor';

/** Staff who care for the visit print its documents; filing (finding any document later) is the office's. */
export const documentPermissions = {
  visitDocuments: ['admin', 'coordinator', 'front_desk', 'nurse', 'physician'],
  documentSearch: ['admin', 'coordinator', 'front_desk'],
} as const satisfies Record<string, readonly ActorClass[]>;
