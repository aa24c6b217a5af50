import type { HandlerMap } from '../../platform/handler';
import { completeDutyTask, createDutyTask, reopenDutyTask, updateDutyTask } from './duty-task.handlers';
import {
  addRosterException,
  assignShift,
  removeRosterException,
  removeShift,
  setWorkingPattern,
} from './roster.handlers';

export const rosterHandlers = {
  SetWorkingPattern: setWorkingPattern,
  AddRosterException: addRosterException,
  RemoveRosterException: removeRosterException,
  AssignShift: assignShift,
  RemoveShift: removeShift,
  CreateDutyTask: createDutyTask,
  CompleteDutyTask: completeDutyTask,
  ReopenDutyTask: reopenDutyTask,
  UpdateDutyTask: updateDutyTask,
} satisfies Partial<HandlerMap>;
