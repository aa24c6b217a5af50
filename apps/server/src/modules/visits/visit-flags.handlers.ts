import {
  clinicDay,
  isCheckInUnfinished,
  isNoShowDue,
  refuse,
  type DomainEvent,
  type Visit,
  type VisitFlag,
} from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';
import type { Handler } from '../../platform/handler';

/**
 * Flags today's visits `due` says are due, once each. An annotation, not a change the desk could race with: the
 * version stays, so no desk action prepared before it turns stale.
 */
async function flagDue(input: {
  tx: Db;
  clinicId: string;
  now: Date;
  flag: VisitFlag;
  due: (visit: Visit, minutes: number) => boolean;
  minutes: number;
}): Promise<DomainEvent[]> {
  const { tx, clinicId, now, flag } = input;
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const visits = await repo.visits.listForDay(tx, clinicId, clinicDay(now, clinic.timezone));
  const events: DomainEvent[] = [];
  for (const visit of visits.filter((v) => input.due(v, input.minutes))) {
    const at = now.toISOString();
    const flagged: Visit =
      flag === 'no_show_due' ? { ...visit, noShowDueSince: at } : { ...visit, checkInUnfinishedSince: at };
    if (await repo.visits.save(tx, flagged, visit.version)) {
      events.push({ type: 'VisitFlagged', payload: { visit: flagged, flag } });
    }
  }
  return events;
}

/** Booked patients past the clinic's no-show grace: the desk is told "no-show?" and marks it in one step. */
export const flagNoShows: Handler<'FlagNoShows'> = async ({ tx, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const events = await flagDue({
    tx,
    clinicId,
    now,
    flag: 'no_show_due',
    due: (v, m) => isNoShowDue(v, now, m),
    minutes: clinic.flowSettings.noShowGraceMinutes,
  });
  return { ok: true, events, entity: { type: 'clinic', id: clinicId } };
};

/** Patients left `arrived` past the clinic's limit walked away from the kiosk mid-intake: the desk is told. */
export const flagUnfinishedCheckIns: Handler<'FlagUnfinishedCheckIns'> = async ({ tx, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const events = await flagDue({
    tx,
    clinicId,
    now,
    flag: 'check_in_unfinished',
    due: (v, m) => isCheckInUnfinished(v, now, m),
    minutes: clinic.flowSettings.checkInUnfinishedMinutes,
  });
  return { ok: true, events, entity: { type: 'clinic', id: clinicId } };
};

/** Thresholds and grace periods for this clinic; the server's watchers read them on their next round. */
export const updateFlowSettings: Handler<'UpdateFlowSettings'> = async ({ tx, command, clinicId }) => {
  const { type: _t, commandId: _c, ...fields } = command;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length === 0) {
    return refuse('INVALID', 'Nothing to change: give a time limit or a grace period.');
  }
  const current = (await repo.clinics.get(tx, clinicId))!.flowSettings;
  const next = { ...current, ...given };
  if (next.noShowGraceMinutes <= next.lateGraceMinutes) {
    const message = `A no-show is suggested after the patient is late: give more than ${next.lateGraceMinutes} minutes.`;
    return { ...refuse('INVALID', message), issues: [{ path: 'noShowGraceMinutes', message }] };
  }
  const clinic = await repo.clinics.updateFlowSettings(tx, clinicId, next);
  return {
    ok: true,
    events: [{ type: 'FlowSettingsChanged', payload: { flowSettings: clinic.flowSettings } }],
    entity: { type: 'clinic', id: clinicId },
  };
};
