import type { DutyTask } from './duty-task';

/** Roster facts. A change to someone's hours or shifts names the person; screens read the week again. */
export type RosterEvent =
  | { type: 'RosterChanged'; payload: { staffId: string; what: 'pattern' | 'exception' | 'shift' } }
  | { type: 'DutyTaskCreated'; payload: { task: DutyTask } }
  | { type: 'DutyTaskCompleted'; payload: { task: DutyTask } }
  /** Reopened, or given another due time or assignee. */
  | { type: 'DutyTaskChanged'; payload: { task: DutyTask } };
