/** The audit page's strings. Add a language by adding a catalog with the same keys. */
export const en = {
  title: 'Audit log',
  filters: 'Filters',
  actor: 'Who',
  action: 'Action',
  entityType: 'Entity type',
  entityId: 'Entity id',
  from: 'From',
  to: 'To',
  limit: 'Rows',
  apply: 'Apply filters',
  clear: 'Clear',
  columns: {
    id: '#',
    at: 'When',
    actor: 'Who',
    action: 'Action',
    entity: 'Entity',
    origin: 'From where',
  },
  reason: (why: string) => `Why: ${why}`,
  none: 'No audit rows match these filters.',
  shown: (n: number) => (n === 1 ? '1 row shown' : `${n} rows shown`),
  verify: 'Verify chain',
  verifying: 'Verifying…',
  intact: (n: number) => `Chain intact: ${n} rows`,
  broken: (id: number) => `Broken at row #${id}`,
  brokenHint: 'A row was changed or removed after it was written. Report this to your security officer.',
  loadFailed: 'The audit log could not be loaded.',
} as const;

export const messages = en;
