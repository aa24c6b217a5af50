/** What the simulator measures while the day runs, and the figures it reports at the end. */
import { isDisplayVisible, type DomainEvent, type EventEnvelope } from '@clinicflow/domain';
import { donePhases, formatClock, inRoomPhases, type Patient, type Phase, type SimClock } from './clinic-day';

export type SimProgress = {
  clock: string;
  waiting: number;
  inRooms: number;
  done: number;
  total: number;
  events: number;
  displayEvents: number;
  churnEvents: number;
};

export type Stats = { mean: number; p50: number; p90: number; max: number } | null;

export type SimResult = {
  url: string;
  speed: number;
  seed: number;
  interrupted: boolean;
  sim: { start: string; end: string; minutes: number };
  real_s: number;
  visits: {
    simulated: number;
    skipped_not_booked: number;
    checked_out: number;
    no_show: number;
    unfinished: number;
    kiosk_checkins: number;
    desk_checkins: number;
    walk_ins: number;
    /** Visits with intake forms due: sent to the waiting room by the desk after a few minutes. */
    intake_sent_by_desk: number;
  };
  wait_min: Stats;
  in_clinic_min: Stats;
  room_incidents: number;
  commands: number;
  refused: number;
  events: { total: number; display_visible: number; by_type: Record<string, number> };
  churn: { rooms: number; sockets: number; events: number; real_s: number; per_s: number } | null;
};

/** The counts the actors keep as the day goes. */
export class Tally {
  commands = 0;
  refused = 0;
  kioskCheckins = 0;
  deskCheckins = 0;
  walkIns = 0;
  intakeAtDesk = 0;
  incidents = 0;
  churnEvents = 0;
  events = 0;
  displayEvents = 0;
  readonly byType: Record<string, number> = {};

  /** Counts an event from the console's feed (it sees every event). */
  readonly event = (e: EventEnvelope<DomainEvent>): void => {
    this.events++;
    this.byType[e.type] = (this.byType[e.type] ?? 0) + 1;
    if (isDisplayVisible(e)) this.displayEvents++;
  };
}

function summarize(values: number[]): Stats {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
    p50: r(at(0.5)),
    p90: r(at(0.9)),
    max: r(s.at(-1)!),
  };
}

export function progressOf(patients: Patient[], clock: SimClock, tally: Tally): SimProgress {
  return {
    clock: formatClock(Math.min(clock.now(), clock.closeMin)),
    waiting: patients.filter((p) => p.phase === 'waiting').length,
    inRooms: patients.filter((p) => inRoomPhases.includes(p.phase)).length,
    done: patients.filter((p) => donePhases.includes(p.phase)).length,
    total: patients.length,
    events: tally.events,
    displayEvents: tally.displayEvents,
    churnEvents: tally.churnEvents,
  };
}

export function resultOf(o: {
  run: { url: string; speed: number; seed: number; interrupted: boolean; realMs: number };
  clock: SimClock;
  endMin: number;
  patients: Patient[];
  roster: number;
  tally: Tally;
  churn: { rooms: number; sockets: number; realMs: number } | null;
}): SimResult {
  const { patients, tally, clock } = o;
  const count = (phase: Phase) => patients.filter((p) => p.phase === phase).length;
  return {
    url: o.run.url,
    speed: o.run.speed,
    seed: o.run.seed,
    interrupted: o.run.interrupted,
    sim: {
      start: formatClock(clock.startMin),
      end: formatClock(o.endMin),
      minutes: Math.round(o.endMin - clock.startMin),
    },
    real_s: Math.round(o.run.realMs / 100) / 10,
    visits: {
      simulated: patients.length,
      skipped_not_booked: o.roster - patients.length,
      checked_out: count('checked_out'),
      no_show: count('no_show'),
      unfinished: patients.length - count('checked_out') - count('no_show'),
      kiosk_checkins: tally.kioskCheckins,
      desk_checkins: tally.deskCheckins,
      walk_ins: tally.walkIns,
      intake_sent_by_desk: tally.intakeAtDesk,
    },
    wait_min: summarize(patients.flatMap((p) => (p.waitMin === null ? [] : [p.waitMin]))),
    in_clinic_min: summarize(patients.flatMap((p) => (p.inClinicMin === null ? [] : [p.inClinicMin]))),
    room_incidents: tally.incidents,
    commands: tally.commands,
    refused: tally.refused,
    events: { total: tally.events, display_visible: tally.displayEvents, by_type: tally.byType },
    churn: o.churn
      ? {
          rooms: o.churn.rooms,
          sockets: o.churn.sockets,
          events: tally.churnEvents,
          real_s: Math.round(o.churn.realMs / 100) / 10,
          per_s: Math.round((tally.churnEvents / (o.churn.realMs / 1000)) * 10) / 10,
        }
      : null,
  };
}
