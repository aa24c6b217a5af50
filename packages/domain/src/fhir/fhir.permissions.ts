import type { ActorClass } from '../shared/actor';

/** Exporting records is clinical and coordination work; the front desk books and checks in, it does not export. */
export const fhirViewPermissions = {
  fhirExport: ['admin', 'coordinator', 'nurse', 'physician'],
} as const satisfies Record<string, readonly ActorClass[]>;
