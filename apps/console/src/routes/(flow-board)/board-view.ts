import {
  defaultFlowBoardView,
  flowSortKeys,
  visitStatuses,
  type FlowBoardView,
  type FlowSortKey,
  type VisitStatus,
} from '@clinicflow/domain';

/** The query keys a board view is kept under, so a reload or a shared link shows the same rows. */
const keys = {
  sort: 'sort',
  direction: 'dir',
  providerId: 'provider',
  status: 'status',
  roomId: 'room',
  search: 'q',
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

/** The view a URL asks for; anything unknown or malformed falls back to the default, never an error. */
export function viewFromQuery(query: URLSearchParams): FlowBoardView {
  const d = defaultFlowBoardView;
  return {
    sort: oneOf<FlowSortKey>(flowSortKeys, query.get(keys.sort)) ?? d.sort,
    direction: query.get(keys.direction) === 'desc' ? 'desc' : 'asc',
    providerId: query.get(keys.providerId) || null,
    status: oneOf<VisitStatus>(visitStatuses, query.get(keys.status)),
    roomId: query.get(keys.roomId) || null,
    search: (query.get(keys.search) ?? '').slice(0, 100),
  };
}

/** The query for a view: only what differs from the default, other parameters kept as they were. */
export function queryForView(
  view: FlowBoardView,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const query = new URLSearchParams(base);
  for (const [field, key] of Object.entries(keys) as [keyof FlowBoardView, string][]) {
    const value = view[field];
    if (value === null || value === '' || value === defaultFlowBoardView[field]) query.delete(key);
    else query.set(key, value);
  }
  return query;
}

/** A click on a sortable header: the same column flips its direction, another starts ascending. */
export function toggleSort(view: FlowBoardView, sort: FlowSortKey): FlowBoardView {
  const direction = view.sort === sort && view.direction === 'asc' ? 'desc' : 'asc';
  return { ...view, sort, direction };
}

/** A click on a status count: filter to it, or, when it is the filter already, show every status again. */
export function toggleStatus(view: FlowBoardView, status: VisitStatus): FlowBoardView {
  return { ...view, status: view.status === status ? null : status };
}

/** The row that should hold focus after the rows changed: the same one if still shown, else its neighbour. */
export function focusAfterChange(before: string[], after: string[], focused: string | null): string | null {
  if (focused === null || after.includes(focused)) return focused;
  const at = before.indexOf(focused);
  if (at < 0) return after[0] ?? null;
  for (let i = at + 1; i < before.length; i++) if (after.includes(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i--) if (after.includes(before[i]!)) return before[i]!;
  return null;
}
