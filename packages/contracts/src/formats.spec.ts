import { describe, expect, it } from 'vitest';
import { appointmentCodeLength, normalizeAppointmentCode, phonePattern } from './formats';
import { commandSchema } from './commands';
import { findAppointmentSchema } from './kiosk';

describe('phonePattern', () => {
  it('is the rule the command schema applies', () => {
    const walkIn = (phone: string) =>
      commandSchema.safeParse({
        type: 'RegisterWalkIn',
        commandId: '00000000-0000-4000-8000-000000000000',
        firstName: 'Ana',
        lastName: 'Ruiz',
        dateOfBirth: '1985-03-27',
        phone,
        reasonCategory: 'other',
      }).success;
    for (const phone of ['555 010 2030', '+1 (555) 010-2030', '12', 'call me', '5'.repeat(21)])
      expect(walkIn(phone), phone).toBe(phonePattern.test(phone));
  });
});

describe('normalizeAppointmentCode', () => {
  it('keeps letters and digits, upper-cased', () => {
    expect(normalizeAppointmentCode(' ab3-x9k ')).toBe('AB3X9K');
    expect(normalizeAppointmentCode('AB3 X9K')).toHaveLength(appointmentCodeLength);
  });
  it('is what the lookup schema does to a code', () => {
    for (const typed of ['ab3-x9k', ' AB3 X9K', 'ab.3x.9k'])
      expect(findAppointmentSchema.parse({ code: typed })).toEqual({ code: normalizeAppointmentCode(typed) });
  });
});
