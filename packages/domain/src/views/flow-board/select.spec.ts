import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinic, iso, makeVisit } from '../../testing/fixtures';
import { visitArb } from '../../testing/event-arbitraries';
import type { Visit } from '../../visits/visit';
import {
  defaultFlowBoardView,
  flowStatusCounts,
  matchesSearch,
  selectFlowRows,
  type FlowBoardView,
} from './select';
import { emptyFlowBoard, type FlowBoard } from './state';

const board = (visits: Visit[]): FlowBoard => ({
  ...emptyFlowBoard({
    clinic,
    day: '2026-03-02',
    providers: [
      { id: 'dr1', name: 'Dr. Okafor', delayMinutes: 0, staffId: null },
      { id: 'dr2', name: 'Dr. Lind', delayMinutes: 0, staffId: null },
    ],
    rooms: [
      {
        id: 'r2',
        clinicId: 'c1',
        name: 'Room 2',
        status: 'occupied',
        statusSince: iso(0),
        visitId: null,
        features: [],
        version: 1,
      },
      {
        id: 'r10',
        clinicId: 'c1',
        name: 'Room 10',
        status: 'occupied',
        statusSince: iso(0),
        visitId: null,
        features: [],
        version: 1,
      },
    ],
  }),
  visits: Object.fromEntries(visits.map((v) => [v.id, v])),
});
const view = (over: Partial<FlowBoardView>): FlowBoardView => ({ ...defaultFlowBoardView, ...over });
const ids = (rows: Visit[]) => rows.map((v) => v.id);

const ada = makeVisit({ id: 'ada', scheduledAt: iso(0), providerId: 'dr1' });
const bao = makeVisit({
  id: 'bao',
  patient: { firstName: 'Bảo', lastName: 'Nguyễn', dateOfBirth: '1990-01-01' },
  ticketCode: 'A-014',
  scheduledAt: iso(15),
  providerId: 'dr2',
  status: 'in_room',
  statusSince: iso(40),
  roomId: 'r10',
  times: { arrived: iso(10), in_room: iso(40) },
});
const cy = makeVisit({
  id: 'cy',
  patient: { firstName: 'Cy', lastName: 'Ortiz', dateOfBirth: '1980-01-01' },
  ticketCode: 'A-002',
  scheduledAt: iso(30),
  providerId: 'dr1',
  status: 'waiting',
  statusSince: iso(20),
  roomId: null,
  times: { arrived: iso(5), waiting: iso(20) },
});
const dee = makeVisit({
  id: 'dee',
  patient: { firstName: 'Dee', lastName: 'Park', dateOfBirth: '1980-01-01' },
  ticketCode: 'A-003',
  scheduledAt: iso(45),
  providerId: 'dr2',
  status: 'in_room',
  statusSince: iso(30),
  roomId: 'r2',
  times: { arrived: iso(25), in_room: iso(30) },
});
const day = board([dee, cy, bao, ada]);

describe('the flow board’s rows', () => {
  it('are in appointment order by default, and reversed on request', () => {
    expect(ids(selectFlowRows(day, defaultFlowBoardView))).toEqual(['ada', 'bao', 'cy', 'dee']);
    expect(ids(selectFlowRows(day, view({ direction: 'desc' })))).toEqual(['dee', 'cy', 'bao', 'ada']);
  });

  it('sort rooms as people number them, with no room last in either direction', () => {
    expect(ids(selectFlowRows(day, view({ sort: 'room' })))).toEqual(['dee', 'bao', 'ada', 'cy']);
    expect(ids(selectFlowRows(day, view({ sort: 'room', direction: 'desc' })))).toEqual([
      'bao',
      'dee',
      'ada',
      'cy',
    ]);
  });

  it('sort by arrival (not arrived last), by provider, and by status then longest in it', () => {
    expect(ids(selectFlowRows(day, view({ sort: 'arrival' })))).toEqual(['cy', 'bao', 'dee', 'ada']);
    expect(ids(selectFlowRows(day, view({ sort: 'provider' })))).toEqual(['bao', 'dee', 'ada', 'cy']);
    expect(ids(selectFlowRows(day, view({ sort: 'status' })))).toEqual(['ada', 'cy', 'dee', 'bao']);
  });

  it('filter by provider, status and room, and search names without accents and tickets', () => {
    expect(ids(selectFlowRows(day, view({ providerId: 'dr2' })))).toEqual(['bao', 'dee']);
    expect(ids(selectFlowRows(day, view({ status: 'in_room', roomId: 'r2' })))).toEqual(['dee']);
    expect(ids(selectFlowRows(day, view({ search: 'nguyen' })))).toEqual(['bao']);
    expect(ids(selectFlowRows(day, view({ search: 'a014' })))).toEqual(['bao']);
    expect(ids(selectFlowRows(day, view({ search: 'A-00' })))).toEqual(['ada', 'cy', 'dee']);
    expect(matchesSearch(bao, '  bảo  NGUY ')).toBe(true);
  });

  it('count each status under the other filters, whatever status is chosen', () => {
    expect(flowStatusCounts(day, view({ status: 'waiting' }))).toEqual({ booked: 1, in_room: 2, waiting: 1 });
    expect(flowStatusCounts(day, view({ providerId: 'dr1' }))).toEqual({ booked: 1, waiting: 1 });
  });

  it('keep every visit the filters allow exactly once, in any order asked for', () => {
    const keys = fc.constantFrom(...(['time', 'arrival', 'status', 'room', 'provider'] as const));
    fc.assert(
      fc.property(
        fc.array(visitArb(['2026-03-02']), { maxLength: 8 }),
        keys,
        fc.boolean(),
        (vs, sort, asc) => {
          const b = board(vs.map((v, i) => ({ ...v, id: `v${i}` })));
          const rows = selectFlowRows(b, view({ sort, direction: asc ? 'asc' : 'desc' }));
          expect(ids(rows).sort()).toEqual(Object.keys(b.visits).sort());
          const counts = Object.values(flowStatusCounts(b, defaultFlowBoardView)).reduce((a, n) => a + n, 0);
          expect(counts).toBe(rows.length);
        },
      ),
    );
  });
});
