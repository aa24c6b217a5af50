import {
  clinicTime,
  nextDay,
  weekdayOf,
  type Clinic,
  type DomainEvent,
  type Weekday,
  type WorkingSession,
} from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';

const days = (from: Weekday, to: Weekday, start: string, end: string): WorkingSession[] =>
  Array.from({ length: to - from + 1 }, (_, k) => ({ weekday: (from + k) as Weekday, start, end }));
const split = (from: Weekday, to: Weekday, morning: [string, string], afternoon: [string, string]) => [
  ...days(from, to, ...morning),
  ...days(from, to, ...afternoon),
];

/** Synthetic weekly patterns by demo username: physicians in two sessions, the desk on a straight day. */
const patterns: Record<string, WorkingSession[]> = {
  drlee: split(1, 5, ['08:00', '12:00'], ['13:00', '18:00']),
  drsandoval: split(1, 4, ['08:00', '12:00'], ['13:00', '18:00']),
  drachebe: [...split(1, 5, ['08:00', '12:00'], ['13:00', '17:00'])],
  drfeld: [...split(2, 5, ['09:00', '13:00'], ['14:00', '18:00']), ...days(6, 6, '09:00', '13:00')],
  nurse: split(1, 5, ['07:30', '12:00'], ['12:30', '16:00']),
  frontdesk: days(1, 5, '07:30', '16:30'),
  coordinator: days(1, 5, '08:00', '16:30'),
  admin: days(1, 5, '09:00', '17:00'),
};

const later = (day: string, n: number) => {
  let d = day;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
};
const nextWeekday = (day: string, weekday: Weekday) => {
  let d = nextDay(day);
  while (weekdayOf(d) !== weekday) d = nextDay(d);
  return d;
};

/** The demo clinic's regular hours, and a few exceptions in the coming weeks (training, leave, a Saturday clinic). */
export async function seedDemoWorkingHours(tx: Db, clinic: Clinic, day: string, now: Date): Promise<void> {
  const people = await repo.staff.list(tx, clinic.id);
  const id = (username: string) => people.find((p) => p.username === username)!.id;
  for (const [username, sessions] of Object.entries(patterns)) {
    await repo.roster.setPattern(tx, { clinicId: clinic.id, staffId: id(username), sessions, now });
  }
  const exceptions = [
    {
      who: 'drachebe',
      kind: 'training',
      fromDay: nextWeekday(day, 3),
      start: '13:00',
      end: '17:00',
      note: 'Resuscitation refresher',
    },
    { who: 'drfeld', kind: 'leave', fromDay: later(day, 7), toDay: later(day, 9), note: 'Annual leave' },
    {
      who: 'drsandoval',
      kind: 'extra',
      fromDay: nextWeekday(day, 6),
      start: '09:00',
      end: '12:00',
      note: 'Saturday flu clinic',
    },
    { who: 'nurse', kind: 'sick', fromDay: later(day, 2), note: null },
  ] as const;
  for (const e of exceptions) {
    await repo.roster.insertException(tx, {
      clinicId: clinic.id,
      staffId: id(e.who),
      kind: e.kind,
      fromDay: e.fromDay,
      toDay: 'toDay' in e ? e.toDay : e.fromDay,
      start: 'start' in e ? e.start : null,
      end: 'end' in e ? e.end : null,
      note: e.note,
    });
  }
}

/** Today's room sessions, tonight's on-call, and a few duties (one already overdue), with their events. */
export async function seedDemoRosterDay(
  tx: Db,
  clinic: Clinic,
  day: string,
  now: Date,
): Promise<DomainEvent[]> {
  const people = await repo.staff.list(tx, clinic.id);
  const rooms = await repo.rooms.list(tx, clinic.id);
  const person = (username: string) => people.find((p) => p.username === username);
  const room = (n: number) => rooms.find((r) => r.name === `Room ${n}`)?.id;
  const at = (hhmm: string, d = day) => clinicTime(d, hhmm, clinic.timezone).toISOString();
  const events: DomainEvent[] = [];
  const shifts = [
    ['drlee', 'rooms', at('08:00'), at('12:00'), [1, 2]],
    ['drsandoval', 'rooms', at('08:00'), at('12:00'), [3, 4]],
    ['drachebe', 'rooms', at('13:00'), at('17:00'), [5, 6]],
    ['drlee', 'rooms', at('13:00'), at('17:00'), [1]],
    ['drfeld', 'on_call', at('18:00'), at('08:00', nextDay(day)), []],
  ] as const;
  for (const [who, kind, startsAt, endsAt, numbers] of shifts) {
    const staff = person(who);
    const roomIds = numbers.map(room).filter((r): r is string => !!r);
    if (!staff || roomIds.length !== numbers.length) continue;
    const saved = await repo.roster.insertShift(tx, {
      clinicId: clinic.id,
      staffId: staff.id,
      kind,
      startsAt,
      endsAt,
      roomIds,
      note: null,
    });
    if (saved.ok)
      events.push({
        type: 'RosterChanged',
        payload: { staffId: staff.id, what: 'shift', shift: saved.shift, removed: false },
      });
  }
  const minutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();
  const tasks = [
    { title: 'Restock room 4', assignee: { kind: 'role', role: 'nurse' }, dueAt: minutes(-30), room: 4 },
    {
      title: 'Sterilize the otoscope set',
      assignee: { kind: 'role', role: 'nurse' },
      dueAt: minutes(90),
      room: 2,
    },
    {
      title: 'Call back the lab about pending results',
      assignee: { kind: 'role', role: 'front_desk' },
      dueAt: minutes(120),
      room: null,
    },
    {
      title: 'Check the vaccine fridge log',
      assignee: { kind: 'staff', staffId: person('drlee')?.id },
      dueAt: minutes(240),
      room: 6,
    },
  ] as const;
  for (const t of tasks) {
    if (t.assignee.kind === 'staff' && !t.assignee.staffId) continue;
    const task = await repo.dutyTasks.insert(tx, {
      clinicId: clinic.id,
      title: t.title,
      assignee: t.assignee.kind === 'staff' ? { kind: 'staff', staffId: t.assignee.staffId! } : t.assignee,
      dueAt: t.dueAt,
      roomId: t.room ? (room(t.room) ?? null) : null,
      createdBy: person('coordinator')?.id ?? null,
    });
    events.push({ type: 'DutyTaskCreated', payload: { task } });
  }
  return events;
}
