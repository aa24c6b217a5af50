import { describe, it, expect } from 'vitest';
import { actorClass, deviceTypes, staffRoles } from './actor';

describe('actorClass', () => {
  it('names a staff member by role', () => {
    for (const role of staffRoles) expect(actorClass({ kind: 'staff', id: 's', role })).toBe(role);
  });
  it('names a device by type', () => {
    for (const type of deviceTypes) expect(actorClass({ kind: 'device', id: 'd', type })).toBe(type);
  });
  it('names the server itself system', () => {
    expect(actorClass({ kind: 'system' })).toBe('system');
  });
});
