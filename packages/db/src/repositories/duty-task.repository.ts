import { and, asc, eq, gte, or } from 'drizzle-orm';
import type { DutyTask } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type NewDutyTask = Pick<DutyTask, 'title' | 'assignee' | 'dueAt' | 'roomId' | 'createdBy'> & {
  clinicId: string;
};

const toTask = (r: typeof t.dutyTasks.$inferSelect): DutyTask => ({
  id: r.id,
  title: r.title,
  assignee: r.assigneeStaffId
    ? { kind: 'staff', staffId: r.assigneeStaffId }
    : { kind: 'role', role: r.assigneeRole! },
  dueAt: r.dueAt.toISOString(),
  roomId: r.roomId,
  status: r.status,
  doneBy: r.doneBy,
  doneAt: r.doneAt?.toISOString() ?? null,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  version: r.version,
});

async function insertTask(db: Db, input: NewDutyTask): Promise<DutyTask> {
  const { assignee, ...rest } = input;
  const [row] = await db
    .insert(t.dutyTasks)
    .values({
      ...rest,
      dueAt: new Date(input.dueAt),
      assigneeStaffId: assignee.kind === 'staff' ? assignee.staffId : null,
      assigneeRole: assignee.kind === 'role' ? assignee.role : null,
    })
    .returning();
  return toTask(row!);
}

async function getTask(db: Db, clinicId: string, id: string): Promise<DutyTask | null> {
  const [row] = await db
    .select()
    .from(t.dutyTasks)
    .where(and(eq(t.dutyTasks.clinicId, clinicId), eq(t.dutyTasks.id, id)));
  return row ? toTask(row) : null;
}

/** Every open task, and those done since `doneSince` (the list does not grow forever). */
async function listTasks(db: Db, clinicId: string, doneSince: Date): Promise<DutyTask[]> {
  const rows = await db
    .select()
    .from(t.dutyTasks)
    .where(
      and(
        eq(t.dutyTasks.clinicId, clinicId),
        or(eq(t.dutyTasks.status, 'open'), gte(t.dutyTasks.doneAt, doneSince)),
      ),
    )
    .orderBy(asc(t.dutyTasks.dueAt));
  return rows.map(toTask);
}

/** Saves a completed task if nobody changed it meanwhile; false when its version moved on. */
async function saveTask(db: Db, clinicId: string, task: DutyTask, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .update(t.dutyTasks)
    .set({
      status: task.status,
      doneBy: task.doneBy,
      doneAt: task.doneAt ? new Date(task.doneAt) : null,
      dueAt: new Date(task.dueAt),
      assigneeStaffId: task.assignee.kind === 'staff' ? task.assignee.staffId : null,
      assigneeRole: task.assignee.kind === 'role' ? task.assignee.role : null,
      version: task.version,
    })
    .where(
      and(
        eq(t.dutyTasks.clinicId, clinicId),
        eq(t.dutyTasks.id, task.id),
        eq(t.dutyTasks.version, expectedVersion),
      ),
    )
    .returning({ id: t.dutyTasks.id });
  return rows.length === 1;
}

export const dutyTasks = { insert: insertTask, get: getTask, list: listTasks, save: saveTask };
