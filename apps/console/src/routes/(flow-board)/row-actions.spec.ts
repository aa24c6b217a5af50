import { describe, expect, it } from 'vitest';
import { roomCommandActions, visitCommandActions } from '@clinicflow/contracts';
import {
  finalVisitStatuses,
  mayRun,
  roomActions,
  roomStatuses,
  staffRoles,
  visitActions,
  visitStatuses,
  type Actor,
  type CommandName,
  type VisitAction,
} from '@clinicflow/domain';
import { messages } from './messages';
import { roomButtonsFor, rowActionsFor } from './row-actions';

const staff = (role: (typeof staffRoles)[number]): Actor => ({ kind: 'staff', id: 's1', role });

/** The command that takes each visit action, read from the contract (call has its own command and picker). */
function commandOf(action: VisitAction): CommandName | null {
  if (action === 'call') return 'CallPatient';
  if (action === 'checkIn') return null; // the kiosk's: check-in starts the intake
  const found = Object.entries(visitCommandActions).find(([, a]) => a === action);
  if (!found) throw new Error(`no command takes the visit action ${action}`);
  return found[0] as CommandName;
}

describe('flow-board row actions', () => {
  it('offer exactly what the visit state machine allows from each status, to each role that may', () => {
    for (const role of staffRoles) {
      const may = (command: CommandName) => mayRun(staff(role), command);
      for (const status of visitStatuses) {
        const expected = Object.entries(visitActions)
          .filter(([, rule]) => (rule.from as readonly string[]).includes(status))
          .map(([action]) => commandOf(action as VisitAction))
          .filter((command): command is CommandName => command !== null && may(command))
          .sort();
        const offered = rowActionsFor(status, may);
        const shown = [...offered.actions.map((a) => a.command), ...(offered.call ? ['CallPatient'] : [])];
        expect(shown.sort(), `${role}, ${status}`).toEqual(expected);
      }
    }
  });

  it('label every action, at most one primary, the primary first', () => {
    const everything = () => true;
    for (const status of visitStatuses) {
      const { actions } = rowActionsFor(status, everything);
      for (const action of actions) expect(messages.actions[action.label], action.command).toBeTruthy();
      expect(new Set(actions.map((a) => a.label)).size, status).toBe(actions.length);
      expect(new Set(actions.map((a) => a.testId)).size, status).toBe(actions.length);
      expect(actions.filter((a) => a.primary).length, status).toBeLessThanOrEqual(1);
      if (actions.some((a) => a.primary)) expect(actions[0]?.primary, status).toBe(true);
    }
  });

  it('give every open status a next step for the desk, and a finished visit none', () => {
    const coordinator = (command: CommandName) => mayRun(staff('coordinator'), command);
    for (const status of visitStatuses) {
      const { call, actions } = rowActionsFor(status, coordinator);
      const offered = actions.filter((a) => !a.more).length + (call ? 1 : 0);
      if (finalVisitStatuses.includes(status)) expect(offered + actions.length, status).toBe(0);
      else expect(offered, status).toBeGreaterThan(0);
    }
    expect(rowActionsFor('waiting', coordinator).call).toBe(true);
    expect(rowActionsFor('booked', coordinator).actions.map((a) => a.label)).toEqual([
      'noShow',
      'cancelVisit',
    ]);
    // A physician does not mark no-shows (e2e: login.spec.ts checks the same on screen).
    const physician = (command: CommandName) => mayRun(staff('physician'), command);
    expect(rowActionsFor('booked', physician).actions).toEqual([]);
  });
});

describe('rooms panel buttons', () => {
  it('offer exactly the room changes the domain allows from each status, to each role that may', () => {
    for (const role of staffRoles) {
      const may = (command: CommandName) => mayRun(staff(role), command);
      for (const status of roomStatuses) {
        const expected = Object.entries(roomCommandActions)
          .filter(([, action]) => (roomActions[action].from as readonly string[]).includes(status))
          .map(([command]) => command as CommandName)
          .filter(may)
          .sort();
        const shown = roomButtonsFor(status, may).map((b) => b.command);
        expect([...shown].sort(), `${role}, ${status}`).toEqual(expected);
        for (const b of roomButtonsFor(status, may)) expect(messages.actions[b.label]).toBeTruthy();
      }
    }
    expect(roomButtonsFor('occupied', () => true)).toEqual([]);
  });
});
