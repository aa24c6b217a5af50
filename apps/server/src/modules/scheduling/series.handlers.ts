import {
  bookingProblem,
  clinicDay,
  expandSeries,
  firstOpen,
  patternOf,
  planFollowing,
  recurrenceProblem,
  refuse,
  rowsToCancel,
  shiftRule,
  type DomainEvent,
  type Occurrence,
  type Recurrence,
} from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';
import { type Handler } from '../../platform/handler';
import { newShortCode } from '../../platform/tokens';
import { resourcesProblem } from './scheduling.handlers';
import {
  allOrNothing,
  cancelVisits,
  fullBooking,
  invalid,
  localTime,
  seriesOutsideHours,
  type Booking,
} from './series.placement';

/** A recurring booking: the whole series is checked and booked in one go, each occurrence an appointment. */
export const bookSeries: Handler<'BookSeries'> = async ({ tx, command, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const start = new Date(command.startsAt);
  const first: Booking = {
    patientId: command.patientId,
    providerId: command.providerId,
    roomId: command.roomId,
    startsAt: start.toISOString(),
    endsAt: new Date(command.endsAt).toISOString(),
  };
  const problem = bookingProblem(first, now);
  if (problem) return invalid('startsAt', problem);
  const missing = await resourcesProblem(tx, clinic, fullBooking(first), now);
  if (missing) return missing;
  const firstDay = clinicDay(start, clinic.timezone);
  const ruleProblem = recurrenceProblem(command.recurrence, firstDay);
  if (ruleProblem) return invalid(ruleProblem.path, ruleProblem.message);
  const pattern = {
    rule: command.recurrence,
    firstDay,
    time: localTime(start, clinic.timezone),
    durationMinutes: Math.round((Date.parse(first.endsAt) - start.getTime()) / 60_000),
    timezone: clinic.timezone,
  };
  const occurrences = expandSeries(pattern);
  if (occurrences[0]?.startsAt !== first.startsAt)
    return invalid('recurrence.weekdays', 'Repeat on the first appointment’s weekday too.');
  const outside = await seriesOutsideHours(
    tx,
    clinic,
    occurrences.map((o) => ({ o, booking: { ...first, startsAt: o.startsAt, endsAt: o.endsAt } })),
  );
  if (outside) return outside;

  const placed = await allOrNothing(
    tx,
    clinic,
    occurrences.length,
    async (sp, clashed) => {
      const series = await repo.series.insert(sp, {
        clinicId,
        patientId: first.patientId,
        providerId: first.providerId,
        roomId: first.roomId,
        rule: pattern.rule,
        timezone: pattern.timezone,
        firstDay,
        startTime: pattern.time,
        durationMinutes: pattern.durationMinutes,
        reason: command.reason,
        splitFrom: null,
      });
      const booked: { o: Occurrence; id: string; code: string }[] = [];
      for (const o of occurrences) {
        const booking = { ...first, startsAt: o.startsAt, endsAt: o.endsAt };
        const code = newShortCode();
        const row = await repo.series.insertOccurrence(sp, {
          clinicId,
          now,
          ...booking,
          reason: command.reason,
          code,
          seriesId: series.id,
          index: o.index,
          originalStartsAt: o.startsAt,
        });
        if (row.ok) booked.push({ o, id: row.id, code });
        else await clashed(o, booking, row.conflict);
      }
      return { series, booked };
    },
    now,
  );
  if (!placed.ok) return placed;
  const events: DomainEvent[] = [];
  for (const { o, id } of placed.value.booked) {
    const visit = await repo.visits.insert(tx, {
      clinicId,
      day: o.day,
      appointmentId: id,
      patientId: first.patientId,
      providerId: first.providerId,
      scheduledAt: o.startsAt,
      reason: command.reason,
      status: 'booked',
      now,
    });
    events.push({ type: 'VisitBooked', payload: { visit } });
  }
  return {
    ok: true,
    events,
    result: { seriesId: placed.value.series.id, appointmentIds: placed.value.booked.map((b) => b.id) },
    entity: { type: 'appointment_series', id: placed.value.series.id },
  };
};

/** The series an appointment belongs to, its rows and its occurrences as its rule gives them. */
async function seriesOf(tx: Db, clinicId: string, appointmentId: string) {
  const place = await repo.series.of(tx, clinicId, appointmentId);
  const series = place && (await repo.series.get(tx, clinicId, place.seriesId));
  if (!series) return null;
  const rows = await repo.series.occurrences(tx, clinicId, series.id);
  return {
    series,
    rows,
    expected: expandSeries(patternOf(series)),
    row: rows.find((r) => r.id === appointmentId)!,
  };
}

const dayPlus = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);

/**
 * "This and following" or "all": the old series ends before the first occurrence changed, and a new series
 * continues it at the new time (and rule); the later rows take their places in it, none lost or doubled.
 */
export const editSeries: Handler<'EditSeries'> = async ({ tx, command, actor, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const found = await seriesOf(tx, clinicId, command.appointmentId);
  if (!found) return refuse('NOT_FOUND', 'That appointment is not part of a series.');
  const { series, rows, expected, row } = found;
  const from =
    command.scope === 'all'
      ? firstOpen(
          rows.filter((r) => r.index < expected.length),
          now,
        )
      : row;
  if (!from || !expected[from.index] || !expected[row.index])
    return refuse('ILLEGAL_TRANSITION', 'Nothing of this series is left to change.');
  const start = new Date(command.startsAt);
  const shift = daysBetween(expected[row.index]!.day, clinicDay(start, clinic.timezone));
  const fromDay = expected[from.index]!.day;
  const firstDay = dayPlus(fromDay, shift);
  const rule: Recurrence = command.recurrence ?? {
    ...shiftRule(series.rule, fromDay, firstDay),
    until: null,
    count: expected.length - from.index,
  };
  if (command.recurrence) {
    const ruleProblem = recurrenceProblem(rule, firstDay);
    if (ruleProblem) return invalid(ruleProblem.path, ruleProblem.message);
  }
  const pattern = {
    rule,
    firstDay,
    time: localTime(start, clinic.timezone),
    durationMinutes: Math.round((Date.parse(command.endsAt) - start.getTime()) / 60_000),
    timezone: clinic.timezone,
  };
  const next = expandSeries(pattern);
  const booking = (o: Occurrence): Booking => ({
    patientId: series.patientId,
    providerId: command.providerId ?? series.providerId,
    roomId: command.roomId === undefined ? series.roomId : command.roomId,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
  });
  if (!next[0]) return invalid('startsAt', 'The new rule gives no occurrence.');
  const problem = bookingProblem(booking(next[0]), now);
  if (problem) return invalid('startsAt', problem);
  const missing = await resourcesProblem(tx, clinic, fullBooking(booking(next[0])), now);
  if (missing) return missing;
  const plan = planFollowing({
    rows,
    length: expected.length,
    from,
    next,
    carryCancellations: !command.recurrence,
  });
  if (!plan.ok) return plan;
  const { moves, carried, cancels, inserts, keepCount } = plan.value;
  const outside = await seriesOutsideHours(tx, clinic, [
    ...moves.map((m) => ({ o: m.to, booking: booking(m.to) })),
    ...inserts.map((o) => ({ o, booking: booking(o) })),
  ]);
  if (outside) return outside;

  const placed = await allOrNothing(
    tx,
    clinic,
    next.length,
    async (sp, clashed) => {
      const { providerId, roomId } = booking(next[0]!);
      const continued = await repo.series.insert(sp, {
        clinicId,
        patientId: series.patientId,
        providerId,
        roomId,
        timezone: series.timezone,
        reason: series.reason,
        rule,
        firstDay,
        startTime: pattern.time,
        durationMinutes: pattern.durationMinutes,
        splitFrom: series.id,
      });
      await repo.series.release(
        sp,
        clinicId,
        [...moves.map((m) => m.rowId), ...cancels],
        'The series was changed.',
      );
      for (const m of moves) {
        const place = { seriesId: continued.id, index: m.to.index, originalStartsAt: m.to.startsAt, now };
        const done = await repo.series.placeOccurrence(sp, clinicId, m.rowId, { ...booking(m.to), ...place });
        if (!done.ok) await clashed(m.to, booking(m.to), done.conflict);
      }
      for (const c of carried)
        await repo.series.moveCancelled(sp, clinicId, c.rowId, { seriesId: continued.id, index: c.index });
      const added: { o: Occurrence; id: string }[] = [];
      for (const o of inserts) {
        const done = await repo.series.insertOccurrence(sp, {
          clinicId,
          ...booking(o),
          reason: series.reason,
          code: newShortCode(),
          seriesId: continued.id,
          index: o.index,
          originalStartsAt: o.startsAt,
          now,
        });
        if (done.ok) added.push({ o, id: done.id });
        else await clashed(o, booking(o), done.conflict);
      }
      await repo.series.truncate(sp, series, keepCount);
      return { continued, added };
    },
    now,
  );
  if (!placed.ok) return placed;

  const events: DomainEvent[] = [];
  for (const m of moves) {
    const visit = (await repo.visits.findByAppointment(tx, clinicId, m.rowId))!;
    const b = booking(m.to);
    const moved = {
      ...visit,
      day: m.to.day,
      scheduledAt: m.to.startsAt,
      providerId: b.providerId,
      version: visit.version + 1,
    };
    if (!(await repo.visits.save(tx, moved, visit.version)))
      throw new Error('visit changed under the clinic lock');
    events.push({ type: 'VisitRescheduled', payload: { visit: moved } });
  }
  events.push(...(await cancelVisits(tx, clinicId, cancels, actor, now)));
  for (const { o, id } of placed.value.added) {
    const b = booking(o);
    const visit = await repo.visits.insert(tx, {
      clinicId,
      day: o.day,
      appointmentId: id,
      patientId: b.patientId,
      providerId: b.providerId,
      scheduledAt: o.startsAt,
      reason: series.reason,
      status: 'booked',
      now,
    });
    events.push({ type: 'VisitBooked', payload: { visit } });
  }
  return {
    ok: true,
    events,
    result: {
      seriesId: placed.value.continued.id,
      moved: moves.length,
      booked: inserts.length,
      cancelled: cancels.length,
    },
    entity: { type: 'appointment_series', id: placed.value.continued.id },
  };
};

/** Cancels this and the following occurrences, or all still to come, with the reason; arrived ones stay. */
export const cancelSeries: Handler<'CancelSeries'> = async ({ tx, command, actor, clinicId, now }) => {
  const found = await seriesOf(tx, clinicId, command.appointmentId);
  if (!found) return refuse('NOT_FOUND', 'That appointment is not part of a series.');
  const targets = rowsToCancel({ rows: found.rows, from: found.row, scope: command.scope, now });
  if (!targets.length) return refuse('ILLEGAL_TRANSITION', 'Nothing of this series is left to cancel.');
  for (const r of targets) await repo.appointments.cancel(tx, clinicId, r.id, command.reason);
  const events = await cancelVisits(
    tx,
    clinicId,
    targets.map((r) => r.id),
    actor,
    now,
  );
  return {
    ok: true,
    events,
    result: { cancelled: targets.length },
    entity: { type: 'appointment_series', id: found.series.id },
  };
};
