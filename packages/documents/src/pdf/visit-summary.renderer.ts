import { visitIntervals, visitTimeline } from '@clinicflow/domain';
import type { VisitSummaryInput } from './inputs.js';
import { clinicTimeText, Layout, patientName } from './layout.js';
import { words } from './words.js';

/** One visit on paper: who, where, and its status history with the waits it adds up to. */
export function renderVisitSummary(input: VisitSummaryInput): Promise<Uint8Array> {
  const w = words[input.clinic.language];
  const tz = input.clinic.timezone;
  const v = input.visit;
  const layout = new Layout({
    frame: input,
    title: `${w.visitSummary} — ${patientName(input.patient)}`,
    subject: `${w.visitSummary}, ${w.visit} ${v.day}`,
    patient: input.patient,
  });
  layout.title(
    w.visitSummary,
    `${w.visitDay} ${v.day}${v.ticketCode ? ` · ${w.ticket} ${v.ticketCode}` : ''}`,
  );

  layout.section(w.visit);
  layout.rows([
    { label: w.patient, value: `${input.patient.firstName} ${input.patient.lastName}` },
    { label: w.status, value: w.statuses[v.status] },
    { label: w.reason, value: v.reason ?? w.none },
    { label: w.appointment, value: v.scheduledAt ? clinicTimeText(v.scheduledAt, tz) : w.none },
    { label: w.provider, value: v.provider ?? w.none },
    { label: w.room, value: v.room ?? w.none },
  ]);

  layout.section(w.timeline);
  const timeline = visitTimeline(v.times);
  layout.table(
    [
      { header: w.time, width: 2 },
      { header: w.step, width: 3 },
    ],
    timeline.length
      ? timeline.map((e) => [clinicTimeText(e.at, tz), w.statuses[e.status]])
      : [[w.none, w.statuses[v.status]]],
  );

  layout.section(w.waits);
  const spans = visitIntervals(v);
  const minutes = (m: number | null) => (m === null ? w.none : w.minutes(m));
  layout.table(
    [
      { header: w.step, width: 3 },
      { header: w.time, width: 1, align: 'right' },
    ],
    [
      [
        w.intervals.lateness,
        spans.lateness === null
          ? w.none
          : spans.lateness <= 0
            ? w.early(-spans.lateness)
            : w.late(spans.lateness),
      ],
      [w.intervals.wait, minutes(spans.wait)],
      [w.intervals.doorToProvider, minutes(spans.doorToProvider)],
      [w.intervals.withProvider, minutes(spans.withProvider)],
      [w.intervals.cycle, minutes(spans.cycle)],
    ],
  );
  return layout.finish();
}
