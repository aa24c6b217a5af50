import { describe, expect, it } from 'vitest';
import { staffRoles } from '../shared/actor';
import { mayChangeAccount } from './staff';

describe('changing a staff account', () => {
  it('never lets an admin disable or demote themselves', () => {
    expect(mayChangeAccount({ by: 'a', account: 'a', changes: { disabled: true } }).ok).toBe(false);
    for (const role of staffRoles) {
      expect(mayChangeAccount({ by: 'a', account: 'a', changes: { role } }).ok, role).toBe(role === 'admin');
    }
  });
  it('lets an admin do both to anyone else, and rename themselves', () => {
    expect(mayChangeAccount({ by: 'a', account: 'b', changes: { disabled: true, role: 'nurse' } }).ok).toBe(
      true,
    );
    expect(mayChangeAccount({ by: 'a', account: 'a', changes: { disabled: false } }).ok).toBe(true);
  });
});
