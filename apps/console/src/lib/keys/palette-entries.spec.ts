import { describe, expect, it } from 'vitest';
import type { FlowBoard, Room, Visit } from '@clinicflow/domain';
import { groupByKind, otherPatients, paletteEntries } from './palette-entries';

const visit = (id: string, first: string, last: string, extra: Partial<Visit> = {}): Visit =>
  ({
    id,
    patientId: `p-${id}`,
    patient: { firstName: first, lastName: last, dateOfBirth: '1980-01-02' },
    status: 'waiting',
    statusSince: '2026-03-02T14:00:00.000Z',
    scheduledAt: '2026-03-02T14:00:00.000Z',
    ticketCode: `A-00${id}`,
    roomId: null,
    times: {},
    ...extra,
  }) as Visit;
const room = (id: string, name: string): Room => ({ id, name, status: 'available' }) as Room;
const board = {
  clinic: { timezone: 'UTC' },
  rooms: { r10: room('r10', 'Room 10'), r2: room('r2', 'Room 2') },
  visits: {
    '2': visit('2', 'Zoë', 'Núñez', { roomId: 'r2', status: 'called' }),
    '1': visit('1', 'Ada', 'Quenneville', { scheduledAt: '2026-03-02T13:00:00.000Z' }),
  },
} as unknown as FlowBoard;
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const links = [
  { path: '/', label: 'Flow board', testid: 'nav-flow', key: 'f' },
  { path: '/schedule', label: 'Schedule', testid: 'nav-schedule', key: 's' },
] as const;
const run = () => {};
const bindings = [
  { keys: 'g f', description: 'Go to Flow board', group: 'Go to', run },
  { keys: '?', description: 'Show keyboard shortcuts', group: 'Everywhere', run },
  { keys: 'c', description: 'Call to room', group: 'Flow board', run },
];

describe('paletteEntries', () => {
  const entries = paletteEntries({ links, bindings, board, timeFormat, pageWord: 'Pages' });

  it('lists pages, then the key map’s actions (not the page jumps, which are the pages), then patients, then rooms', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'page:/',
      'page:/schedule',
      'action:?',
      'action:c',
      'visit:1',
      'visit:2',
      'room:r2',
      'room:r10',
    ]);
  });

  it('describes a patient by ticket, time, status word and room, and finds them by ticket and birth date', () => {
    const zoe = entries.find((e) => e.id === 'visit:2')!;
    expect(zoe).toMatchObject({ label: 'Zoë Núñez', detail: 'A-002 · 14:00 · Called · Room 2' });
    expect(zoe.keywords).toEqual(expect.arrayContaining(['A-002', '1980-01-02']));
    expect(entries.find((e) => e.id === 'page:/schedule')).toMatchObject({ keys: 'g s' });
  });

  it('without a board (not live yet) has pages and actions only', () => {
    const none = paletteEntries({ links, bindings, board: null, timeFormat, pageWord: 'Pages' });
    expect(none.map((e) => e.target.kind)).toEqual(['page', 'page', 'action', 'action']);
  });
});

describe('otherPatients', () => {
  it('keeps the server’s matches who are not on today’s board', () => {
    const found = [
      { id: 'p-1', firstName: 'Ada', lastName: 'Quenneville', dateOfBirth: '1980-01-02' },
      { id: 'p-9', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1815-12-10' },
    ];
    expect(otherPatients(found, board, (d) => `born ${d}`)).toEqual([
      expect.objectContaining({ id: 'patient:p-9', label: 'Ada Lovelace', detail: 'born 1815-12-10' }),
    ]);
  });
});

describe('groupByKind', () => {
  it('orders groups by where their best entry ranked, keeping the rank inside each', () => {
    const entries = paletteEntries({ links, bindings, board, timeFormat, pageWord: 'Pages' });
    const [room2, ada, schedule, room10] = ['room:r2', 'visit:1', 'page:/schedule', 'room:r10'].map((id) =>
      entries.find((e) => e.id === id)!,
    );
    const groups = groupByKind([room2!, ada!, schedule!, room10!]);
    expect(groups.map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['room', ['room:r2', 'room:r10']],
      ['patient', ['visit:1']],
      ['page', ['page:/schedule']],
    ]);
  });
});
