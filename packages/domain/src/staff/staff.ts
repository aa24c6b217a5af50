import { ok, refuse, type Result } from '../shared/result';
import type { StaffRole } from '../shared/actor';

/** An admin may change any account but their own access: nobody locks themselves out of administering the clinic. */
export function mayChangeAccount(input: {
  by: string;
  account: string;
  changes: { role?: StaffRole | undefined; disabled?: boolean | undefined };
}): Result<void> {
  const { changes } = input;
  if (input.by === input.account && (changes.disabled || (changes.role && changes.role !== 'admin'))) {
    return refuse('CONFLICT', 'You cannot disable your own account or remove your own admin role.');
  }
  return ok(undefined);
}
