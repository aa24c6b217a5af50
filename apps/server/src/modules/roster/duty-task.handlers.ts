import { completeTask, editTask, refuse, reopenTask } from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';

const invalid = (path: string, message: string): CommandFailure => ({
  ...refuse('INVALID', message),
  issues: [{ path, message }],
});

/** Anyone may ask for a duty, for a person or a role, due at a time (maybe in a room). */
export const createDutyTask: Handler<'CreateDutyTask'> = async ({ tx, command, actor, clinicId }) => {
  if (command.assignee.kind === 'staff') {
    const assignee = await repo.staff.get(tx, clinicId, command.assignee.staffId);
    if (!assignee || assignee.disabled) return invalid('assignee', 'No such staff member.');
  }
  if (command.roomId && !(await repo.rooms.get(tx, clinicId, command.roomId)))
    return invalid('roomId', 'No such room.');
  const task = await repo.dutyTasks.insert(tx, {
    clinicId,
    title: command.title,
    assignee: command.assignee,
    dueAt: new Date(command.dueAt).toISOString(),
    roomId: command.roomId,
    createdBy: actor.kind === 'staff' ? actor.id : null,
  });
  return {
    ok: true,
    events: [{ type: 'DutyTaskCreated', payload: { task } }],
    result: { taskId: task.id },
    entity: { type: 'duty_task', id: task.id },
  };
};

/** Done, by whose task it is (or a coordinator): who and when are kept. */
export const completeDutyTask: Handler<'CompleteDutyTask'> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const task = await repo.dutyTasks.get(tx, clinicId, command.taskId);
  if (!task) return refuse('NOT_FOUND', 'No such task.');
  const done = completeTask({ task, actor, now });
  if (!done.ok) return done;
  if (!(await repo.dutyTasks.save(tx, clinicId, done.value, task.version))) return stale(task);
  return {
    ok: true,
    events: [{ type: 'DutyTaskCompleted', payload: { task: done.value } }],
    entity: { type: 'duty_task', id: task.id },
  };
};

export const reopenDutyTask: Handler<'ReopenDutyTask'> = async ({ tx, command, actor, clinicId }) => {
  const task = await repo.dutyTasks.get(tx, clinicId, command.taskId);
  if (!task) return refuse('NOT_FOUND', 'No such task.');
  if (task.version !== command.version) return stale(task);
  const reopened = reopenTask({ task, actor });
  if (!reopened.ok) return reopened;
  if (!(await repo.dutyTasks.save(tx, clinicId, reopened.value, task.version))) return stale(task);
  return {
    ok: true,
    events: [{ type: 'DutyTaskChanged', payload: { task: reopened.value } }],
    entity: { type: 'duty_task', id: task.id },
  };
};

/** Another due time or assignee, by who asked for the task or a coordinator. */
export const updateDutyTask: Handler<'UpdateDutyTask'> = async ({ tx, command, actor, clinicId }) => {
  const task = await repo.dutyTasks.get(tx, clinicId, command.taskId);
  if (!task) return refuse('NOT_FOUND', 'No such task.');
  if (task.version !== command.version) return stale(task);
  if (command.assignee.kind === 'staff') {
    const assignee = await repo.staff.get(tx, clinicId, command.assignee.staffId);
    if (!assignee || assignee.disabled) return invalid('assignee', 'No such staff member.');
  }
  const changed = editTask({
    task,
    actor,
    dueAt: new Date(command.dueAt).toISOString(),
    assignee: command.assignee,
  });
  if (!changed.ok) return changed;
  if (!(await repo.dutyTasks.save(tx, clinicId, changed.value, task.version))) return stale(task);
  return {
    ok: true,
    events: [{ type: 'DutyTaskChanged', payload: { task: changed.value } }],
    entity: { type: 'duty_task', id: task.id },
  };
};
