import { describe, expect, it } from 'vitest';
import { visitCommandActions } from '@clinicflow/contracts';
import { finalVisitStatuses, visitActions, visitStatuses } from '@clinicflow/domain';
import { messages } from './messages';
import { rowActions } from './row-actions';

describe('flow-board row actions', () => {
  it('offer only what the visit state machine allows from that status, each with its own label', () => {
    for (const [status, actions] of Object.entries(rowActions)) {
      for (const action of actions) {
        const domainAction = visitActions[visitCommandActions[action.command]];
        expect(domainAction.from as readonly string[], `${action.command} from ${status}`).toContain(status);
        expect(messages.actions[action.label]).toBeTruthy();
      }
      expect(new Set(actions.map((a) => a.label)).size, status).toBe(actions.length);
      expect(actions.filter((a) => a.primary).length, status).toBeLessThanOrEqual(1);
    }
  });

  it('give every open status a next step (waiting has the room picker instead)', () => {
    const open = visitStatuses.filter((s) => !finalVisitStatuses.includes(s) && s !== 'waiting');
    for (const status of open) expect(rowActions[status]?.length, status).toBeGreaterThan(0);
    expect(rowActions.waiting).toBeUndefined();
    for (const status of finalVisitStatuses) expect(rowActions[status], status).toBeUndefined();
  });
});
