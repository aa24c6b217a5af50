import type { StaffRole } from '@clinicflow/domain';
import { messages as shared } from '$lib/messages';

export const messages = {
  title: 'Tasks',
  mine: 'My tasks',
  mineHint: 'Assigned to you or to your role',
  all: 'Everyone else’s tasks',
  noneMine: 'Nothing for you right now.',
  noneOthers: 'No other tasks.',
  loading: 'Loading tasks…',
  loadFailed: (why: string) => `The tasks could not be loaded: ${why}`,
  retry: 'Try again',
  columns: { task: 'Task', for: 'For', room: 'Room', due: 'Due', status: 'Status', action: 'Action' },
  forRole: (role: StaffRole) => `Any ${shared.roles[role].toLowerCase()}`,
  unknownPerson: 'Someone',
  status: {
    overdue: 'Overdue',
    open: 'Open',
    done: (who: string, when: string) => `Done by ${who} at ${when}`,
  },
  complete: 'Mark done',
  reopen: 'Reopen',
  reopened: (title: string) => `Open again: ${title}`,

  completing: 'Saving…',
  completed: (title: string) => `Done: ${title}`,
  counts: (open: number, overdue: number) => `${open} open, ${overdue} overdue`,
  create: {
    title: 'New task',
    what: 'What needs doing',
    whatHint: 'For example “Restock room 4”',
    for: 'For',
    roles: 'A role',
    people: 'A person',
    due: 'Due today at',
    room: 'Room (optional)',
    noRoom: 'No room',
    submit: 'Add task',
    created: (title: string) => `Task added: ${title}`,
    needTitle: 'Say what needs doing',
    needTime: 'Give the time it is due, for example 14:30',
  },
};
