import { periodProblem, type Period } from '@clinicflow/domain';

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The last `days` clinic days ending on `today`. */
export function lastDays(today: string, days: number): Period {
  let from = today;
  for (let i = 1; i < days; i++) {
    const d = new Date(`${from}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    from = d.toISOString().slice(0, 10);
  }
  return { from, to: today };
}

/** The period in the address (?from=&to=), or the last 7 days when it names none or one a report cannot cover. */
export function readPeriod(params: URLSearchParams, today: string): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && periodProblem({ from, to }) === null) return { from, to };
  return lastDays(today, 7);
}
