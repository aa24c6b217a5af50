import { visitStatuses, type Visit, type VisitStatus } from '../../visits/visit';
import { flowBoardRows } from './reduce';
import type { FlowBoard } from './state';

export const flowSortKeys = ['time', 'arrival', 'status', 'room', 'provider'] as const;
export type FlowSortKey = (typeof flowSortKeys)[number];
export type SortDirection = 'asc' | 'desc';

/** What the coordinator chose to see: one sort, optional filters and a search; empty filters show everything. */
export type FlowBoardView = {
  sort: FlowSortKey;
  direction: SortDirection;
  providerId: string | null;
  status: VisitStatus | null;
  roomId: string | null;
  search: string;
};

export const defaultFlowBoardView: FlowBoardView = {
  sort: 'time',
  direction: 'asc',
  providerId: null,
  status: null,
  roomId: null,
  search: '',
};

/** Case and accents do not matter: "nguyen" finds "Nguyễn". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();

/** A visit matches when every word of the search is in the patient's name or the ticket. */
export function matchesSearch(visit: Visit, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    `${visit.patient.firstName} ${visit.patient.lastName} ${visit.ticketCode ?? ''} ${(visit.ticketCode ?? '').replace(/-/g, '')}`,
  );
  return words.every((w) => haystack.includes(w));
}

const matches = (v: Visit, view: FlowBoardView, withStatus: boolean) =>
  (view.providerId === null || v.providerId === view.providerId) &&
  (view.roomId === null || v.roomId === view.roomId) &&
  (!withStatus || view.status === null || v.status === view.status) &&
  matchesSearch(v, view.search);

const statusOrder = (s: VisitStatus) => visitStatuses.indexOf(s);
const text = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/** The rows to show, in the chosen order; ties keep the board's usual order (appointment time). */
export function selectFlowRows(board: FlowBoard, view: FlowBoardView): Visit[] {
  const base = flowBoardRows(board).filter((v) => matches(v, view, true));
  const position = new Map(base.map((v, i) => [v.id, i]));
  // The value each column sorts by; null (not arrived, no room) goes last whichever the direction.
  const value: Record<Exclude<FlowSortKey, 'time' | 'status'>, (v: Visit) => string | null> = {
    arrival: (v) => v.times.arrived ?? null,
    room: (v) => (v.roomId && board.rooms[v.roomId]?.name) || null,
    provider: (v) => (v.providerId && board.providers[v.providerId]?.name) || null,
  };
  const compare = (a: Visit, b: Visit): number => {
    if (view.sort === 'time') return 0;
    // By status along the day, and within one status the longest in it first.
    if (view.sort === 'status')
      return statusOrder(a.status) - statusOrder(b.status) || a.statusSince.localeCompare(b.statusSince);
    const [x, y] = [value[view.sort](a), value[view.sort](b)];
    return x === null || y === null ? 0 : text(x, y);
  };
  const missing = (v: Visit) =>
    view.sort === 'time' || view.sort === 'status' ? 0 : Number(value[view.sort](v) === null);
  const sign = view.direction === 'asc' ? 1 : -1;
  return base.sort(
    (a, b) =>
      missing(a) - missing(b) ||
      sign * compare(a, b) ||
      (view.sort === 'time' ? sign : 1) * (position.get(a.id)! - position.get(b.id)!),
  );
}

/** How many of the day's visits are in each status, under the other filters: the board's summary bar. */
export function flowStatusCounts(
  board: FlowBoard,
  view: FlowBoardView,
): Partial<Record<VisitStatus, number>> {
  const counts: Partial<Record<VisitStatus, number>> = {};
  for (const v of Object.values(board.visits)) {
    if (matches(v, view, false)) counts[v.status] = (counts[v.status] ?? 0) + 1;
  }
  return counts;
}
