import type { DutyTask } from './duty-task';
import type { RosterShift } from './roster';

/** Roster facts. A change to someone's hours or shifts names the person; screens read the week again. */
export type RosterEvent =
  | {
      type: 'RosterChanged';
      payload:
        | { staffId: string; what: 'pattern' | 'exception' }
        /** A shift carries itself, so the flow board knows whose rooms are whose without reading the roster. */
        | { staffId: string; what: 'shift'; shift: RosterShift; removed: boolean };
    }
  | { type: 'DutyTaskCreated'; payload: { task: DutyTask } }
  | { type: 'DutyTaskCompleted'; payload: { task: DutyTask } }
  /** Reopened, or given another due time or assignee. */
  | { type: 'DutyTaskChanged'; payload: { task: DutyTask } };
