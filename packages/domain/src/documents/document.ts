import type { VisitStatus } from '../visits/visit';

/** The documents the server generates; each type's layout version is recorded with every copy it prints. */
export const documentTypes = ['intake_form', 'visit_summary'] as const;
export type DocumentType = (typeof documentTypes)[number];
export const documentVersions: Record<DocumentType, number> = { intake_form: 1, visit_summary: 1 };

export const paperSizes = ['letter', 'a4'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** A visit's status history, oldest first (a status entered twice keeps the time the visit record keeps). */
export function visitTimeline(
  times: Partial<Record<VisitStatus, string>>,
): { status: VisitStatus; at: string }[] {
  return (Object.entries(times) as [VisitStatus, string][])
    .map(([status, at]) => ({ status, at }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export type VisitIntervals = {
  /** Minutes after the appointment the patient arrived (negative: early); null without both times. */
  lateness: number | null;
  wait: number | null;
  doorToProvider: number | null;
  withProvider: number | null;
  cycle: number | null;
};

const minutesBetween = (from: string | undefined | null, to: string | undefined | null) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 60_000) : null;

/** The waits a visit summary states, in whole minutes, from the visit's recorded times. */
export function visitIntervals(visit: {
  scheduledAt: string | null;
  times: Partial<Record<VisitStatus, string>>;
}): VisitIntervals {
  const t = visit.times;
  return {
    lateness: minutesBetween(visit.scheduledAt, t.arrived),
    wait: minutesBetween(t.arrived, t.in_room),
    doorToProvider: minutesBetween(t.arrived, t.with_provider),
    withProvider: minutesBetween(t.with_provider, t.checked_out),
    cycle: minutesBetween(t.arrived, t.checked_out),
  };
}
