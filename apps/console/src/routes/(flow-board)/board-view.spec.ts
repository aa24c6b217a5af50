import { describe, expect, it } from 'vitest';
import { defaultFlowBoardView } from '@clinicflow/domain';
import { focusAfterChange, queryForView, toggleSort, toggleStatus, viewFromQuery } from './board-view';

describe('the board view in the URL', () => {
  it('round-trips every choice and writes nothing for the default', () => {
    const view = {
      sort: 'room',
      direction: 'desc',
      providerId: 'dr1',
      status: 'waiting',
      roomId: 'r2',
      search: 'ngu',
    } as const;
    expect(viewFromQuery(queryForView(view))).toEqual(view);
    expect(queryForView(defaultFlowBoardView).toString()).toBe('');
  });

  it('keeps other parameters and falls back to the default for anything unknown', () => {
    const query = queryForView(
      { ...defaultFlowBoardView, status: 'booked' },
      new URLSearchParams('x=1&q=old'),
    );
    expect(query.toString()).toBe('x=1&status=booked');
    expect(viewFromQuery(new URLSearchParams('sort=colour&dir=up&status=asleep'))).toEqual(
      defaultFlowBoardView,
    );
  });

  it('flips a sorted column and toggles a status filter', () => {
    const byRoom = toggleSort(defaultFlowBoardView, 'room');
    expect(byRoom).toMatchObject({ sort: 'room', direction: 'asc' });
    expect(toggleSort(byRoom, 'room')).toMatchObject({ sort: 'room', direction: 'desc' });
    expect(toggleSort(toggleSort(byRoom, 'room'), 'time')).toMatchObject({ sort: 'time', direction: 'asc' });
    expect(toggleStatus(toggleStatus(defaultFlowBoardView, 'waiting'), 'waiting').status).toBeNull();
  });
});

describe('focus after the rows changed', () => {
  it('stays on its row, or moves to the next (else the previous) one still shown', () => {
    expect(focusAfterChange(['a', 'b', 'c'], ['c', 'b', 'a'], 'b')).toBe('b');
    expect(focusAfterChange(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(focusAfterChange(['a', 'b', 'c'], ['a'], 'c')).toBe('a');
    expect(focusAfterChange(['a'], [], 'a')).toBeNull();
    expect(focusAfterChange(['a'], ['x'], null)).toBeNull();
  });
});
