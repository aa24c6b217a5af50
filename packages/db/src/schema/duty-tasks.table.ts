import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { staffRoles, taskStatuses, type StaffRole, type TaskStatus } from '@clinicflow/domain';
import { created, oneOf, ts } from './columns';
import { clinics } from './clinics.table';
import { rooms } from './rooms.table';
import { staff } from './staff.table';

/** Duties ("restock room 4"): for one person or a role, due at a time, done once (who and when). */
export const dutyTasks = pgTable(
  'duty_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    title: text('title').notNull(),
    assigneeStaffId: uuid('assignee_staff_id'),
    assigneeRole: text('assignee_role').$type<StaffRole>(),
    dueAt: ts('due_at').notNull(),
    roomId: uuid('room_id'),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    doneBy: uuid('done_by'),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by'),
    createdAt: created(),
    version: integer('version').notNull().default(1),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'duty_tasks_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'duty_tasks_assignee_fk', columns: [t.assigneeStaffId], foreignColumns: [staff.id] }),
    foreignKey({ name: 'duty_tasks_done_by_fk', columns: [t.doneBy], foreignColumns: [staff.id] }),
    foreignKey({ name: 'duty_tasks_created_by_fk', columns: [t.createdBy], foreignColumns: [staff.id] }),
    foreignKey({ name: 'duty_tasks_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),
    check('duty_tasks_status_check', oneOf(t.status, taskStatuses)),
    check('duty_tasks_role_check', sql`${t.assigneeRole} is null or ${oneOf(t.assigneeRole, staffRoles)}`),
    check(
      'duty_tasks_one_assignee_check',
      sql`(${t.assigneeStaffId} is null) <> (${t.assigneeRole} is null)`,
    ),
    check(
      'duty_tasks_done_check',
      sql`(${t.status} = 'done') = (${t.doneAt} is not null and ${t.doneBy} is not null)`,
    ),
    index('duty_tasks_clinic_due_idx').on(t.clinicId, t.dueAt),
  ],
);
