import type { Actor, StaffRole } from '../shared/actor';
import { ok, refuse, type Result } from '../shared/result';

export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Whom a task is for: one person, or whoever holds a role ("a nurse"). */
export type TaskAssignee = { kind: 'staff'; staffId: string } | { kind: 'role'; role: StaffRole };

/** A duty ("restock room 4"): for a person or a role, due at a time, done once by someone. */
export type DutyTask = {
  id: string;
  title: string;
  assignee: TaskAssignee;
  dueAt: string;
  roomId: string | null;
  status: TaskStatus;
  doneBy: string | null;
  doneAt: string | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
};

/** Those who run the roster may complete anyone's task (someone is off sick; the task still has to be done). */
const managers: readonly StaffRole[] = ['admin', 'coordinator'];

export function isOverdue(task: Pick<DutyTask, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status === 'open' && Date.parse(task.dueAt) < now.getTime();
}

/** Whether the task is this person's own: assigned to them, or to their role. */
export function isTaskFor(task: Pick<DutyTask, 'assignee'>, actor: Actor): boolean {
  if (actor.kind !== 'staff') return false;
  return task.assignee.kind === 'staff'
    ? task.assignee.staffId === actor.id
    : task.assignee.role === actor.role;
}

/** A task is completed once, by one whose task it is (or a manager). */
export function completeTask(input: { task: DutyTask; actor: Actor; now: Date }): Result<DutyTask> {
  const { task, actor, now } = input;
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only staff complete tasks.');
  if (!isTaskFor(task, actor) && !managers.includes(actor.role))
    return refuse('NOT_ALLOWED', 'This task is someone else’s; only they or a coordinator can complete it.');
  if (task.status === 'done') return refuse('ILLEGAL_TRANSITION', 'This task is already done.');
  return ok({
    ...task,
    status: 'done',
    doneBy: actor.id,
    doneAt: now.toISOString(),
    version: task.version + 1,
  });
}

/** Open again (it was not really done): by whoever may complete it; who did it and when are cleared. */
export function reopenTask(input: { task: DutyTask; actor: Actor }): Result<DutyTask> {
  const { task, actor } = input;
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only staff reopen tasks.');
  if (!isTaskFor(task, actor) && !managers.includes(actor.role))
    return refuse('NOT_ALLOWED', 'This task is someone else’s; only they or a coordinator can reopen it.');
  if (task.status === 'open') return refuse('ILLEGAL_TRANSITION', 'This task is still open.');
  return ok({ ...task, status: 'open', doneBy: null, doneAt: null, version: task.version + 1 });
}

/** Another due time or assignee for an open task: by who asked for it, or a coordinator. */
export function editTask(input: {
  task: DutyTask;
  actor: Actor;
  dueAt: string;
  assignee: TaskAssignee;
}): Result<DutyTask> {
  const { task, actor } = input;
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only staff change tasks.');
  if (task.createdBy !== actor.id && !managers.includes(actor.role))
    return refuse('NOT_ALLOWED', 'Only whoever asked for this task, or a coordinator, can change it.');
  if (task.status === 'done') return refuse('ILLEGAL_TRANSITION', 'This task is done; reopen it first.');
  return ok({ ...task, dueAt: input.dueAt, assignee: input.assignee, version: task.version + 1 });
}

/** The order a person reads their list in: open before done, overdue first, then by due time. */
export function taskOrder(now: Date): (a: DutyTask, b: DutyTask) => number {
  const rank = (t: DutyTask) => (t.status === 'done' ? 2 : isOverdue(t, now) ? 0 : 1);
  return (a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id);
}

/** Folds a task event into a list of tasks (events carry the whole task, so applying one twice is harmless). */
export function applyTaskEvent(tasks: readonly DutyTask[], task: DutyTask): DutyTask[] {
  const known = tasks.find((t) => t.id === task.id);
  if (known && known.version >= task.version) return [...tasks];
  return [...tasks.filter((t) => t.id !== task.id), task];
}
