import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor';
import { applyTaskEvent, completeTask, isOverdue, isTaskFor, taskOrder, type DutyTask } from './duty-task';
import { doubleBooked, roomsAssignedAt, shiftProblem } from './roster';

const now = new Date('2026-12-01T15:00:00Z');
const task = (t: Partial<DutyTask> = {}): DutyTask => ({
  id: 't1',
  title: 'Restock room 4',
  assignee: { kind: 'role', role: 'nurse' },
  dueAt: '2026-12-01T16:00:00Z',
  roomId: null,
  status: 'open',
  doneBy: null,
  doneAt: null,
  createdBy: 'c1',
  createdAt: '2026-12-01T12:00:00Z',
  version: 1,
  ...t,
});
const nurse: Actor = { kind: 'staff', id: 'n1', role: 'nurse' };
const physician: Actor = { kind: 'staff', id: 'p1', role: 'physician' };
const coordinator: Actor = { kind: 'staff', id: 'c1', role: 'coordinator' };

describe('duty tasks', () => {
  it('are overdue when open past their due time', () => {
    expect(isOverdue(task({ dueAt: '2026-12-01T14:59:00Z' }), now)).toBe(true);
    expect(isOverdue(task(), now)).toBe(false);
    expect(isOverdue(task({ dueAt: '2026-12-01T14:00:00Z', status: 'done' }), now)).toBe(false);
  });

  it('belong to their person or to everyone in their role', () => {
    expect(isTaskFor(task(), nurse)).toBe(true);
    expect(isTaskFor(task(), physician)).toBe(false);
    expect(isTaskFor(task({ assignee: { kind: 'staff', staffId: 'p1' } }), physician)).toBe(true);
    expect(isTaskFor(task({ assignee: { kind: 'staff', staffId: 'p1' } }), nurse)).toBe(false);
  });

  it('are completed once, by their owner or a coordinator, with who and when', () => {
    const done = completeTask({ task: task(), actor: nurse, now });
    expect(done).toEqual({
      ok: true,
      value: task({ status: 'done', doneBy: 'n1', doneAt: now.toISOString(), version: 2 }),
    });
    expect(completeTask({ task: task(), actor: physician, now })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(completeTask({ task: task(), actor: coordinator, now }).ok).toBe(true);
    expect(completeTask({ task: task({ status: 'done' }), actor: nurse, now })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('list overdue first, then open by due time, then done', () => {
    const list = [
      task({ id: 'done', status: 'done', dueAt: '2026-12-01T10:00:00Z' }),
      task({ id: 'later', dueAt: '2026-12-01T18:00:00Z' }),
      task({ id: 'soon' }),
      task({ id: 'overdue', dueAt: '2026-12-01T11:00:00Z' }),
    ].sort(taskOrder(now));
    expect(list.map((t) => t.id)).toEqual(['overdue', 'soon', 'later', 'done']);
  });

  it('fold an event once, and never back to an older version', () => {
    const done = task({ status: 'done', version: 2 });
    expect(applyTaskEvent([task()], done)).toEqual([done]);
    expect(applyTaskEvent([done], task())).toEqual([done]);
    expect(applyTaskEvent([], task())).toEqual([task()]);
  });
});

describe('shifts', () => {
  const base = { kind: 'rooms' as const, startsAt: '2026-12-01T13:00:00Z', endsAt: '2026-12-01T17:00:00Z' };
  it('need a time, rooms for a room session and none for a duty', () => {
    expect(shiftProblem({ ...base, roomIds: ['r1'] })).toBeNull();
    expect(shiftProblem({ ...base, roomIds: [] })?.path).toBe('roomIds');
    expect(shiftProblem({ ...base, kind: 'on_call', roomIds: ['r1'] })?.path).toBe('roomIds');
    expect(shiftProblem({ ...base, endsAt: base.startsAt, roomIds: ['r1'] })?.path).toBe('endsAt');
  });
  it('explain a double booking in words', () => {
    expect(
      doubleBooked({
        name: 'Dr. Lee',
        existing: { kind: 'on_call', when: 'Tue 1 Dec 18:00–08:00', rooms: null },
      }).message,
    ).toBe(
      'Dr. Lee is already rostered on call Tue 1 Dec 18:00–08:00; one person cannot be in two places at once.',
    );
  });
});

describe('rooms assigned', () => {
  it('are those of the room session running at the instant, start included and end excluded', () => {
    const shifts = [
      {
        staffId: 'lee',
        kind: 'rooms' as const,
        startsAt: '2026-12-01T13:00:00Z',
        endsAt: '2026-12-01T17:00:00Z',
        roomIds: ['r1', 'r2'],
      },
      {
        staffId: 'lee',
        kind: 'on_call' as const,
        startsAt: '2026-12-01T23:00:00Z',
        endsAt: '2026-12-02T13:00:00Z',
        roomIds: [],
      },
    ];
    expect(roomsAssignedAt(shifts, 'lee', new Date('2026-12-01T13:00:00Z'))).toEqual(['r1', 'r2']);
    expect(roomsAssignedAt(shifts, 'lee', new Date('2026-12-01T17:00:00Z'))).toEqual([]);
    expect(roomsAssignedAt(shifts, 'lee', new Date('2026-12-02T01:00:00Z'))).toEqual([]);
    expect(roomsAssignedAt(shifts, 'feld', new Date('2026-12-01T14:00:00Z'))).toEqual([]);
  });
});
