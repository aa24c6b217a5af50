import { describe, it, expect } from 'vitest';
import { mayRun, type CommandName } from './permissions';
import { deviceTypes, staffRoles } from './actor';

const intakeCommands: CommandName[] = [
  'RegisterWalkIn',
  'SubmitQuestionnaire',
  'SignConsent',
  'UpdateContactDetails',
  'CompleteCheckIn',
];

describe('intake command permissions', () => {
  it.each(intakeCommands)('%s is allowed for a kiosk and the front desk', (command) => {
    expect(mayRun({ kind: 'device', id: 'k1', type: 'kiosk' }, command)).toBe(true);
    expect(mayRun({ kind: 'staff', id: 's1', role: 'front_desk' }, command)).toBe(true);
  });
  it.each(intakeCommands)('%s is refused for displays and physicians', (command) => {
    expect(mayRun({ kind: 'device', id: 'd1', type: 'waiting_room_display' }, command)).toBe(false);
    expect(mayRun({ kind: 'device', id: 'd2', type: 'room_status_display' }, command)).toBe(false);
    expect(mayRun({ kind: 'staff', id: 's1', role: 'physician' }, command)).toBe(false);
  });
  it.each(intakeCommands)('%s is refused without a caller', (command) =>
    expect(mayRun(null, command)).toBe(false),
  );
});

describe('AcknowledgeAlert', () => {
  it('is allowed for every staff role', () => {
    for (const role of staffRoles)
      expect(mayRun({ kind: 'staff', id: 's1', role }, 'AcknowledgeAlert')).toBe(true);
  });
  it('is refused for every device, including a kiosk', () => {
    for (const type of deviceTypes)
      expect(mayRun({ kind: 'device', id: 'd1', type }, 'AcknowledgeAlert')).toBe(false);
  });
  it('is refused without a caller', () => expect(mayRun(null, 'AcknowledgeAlert')).toBe(false));
});
