import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { estimateWaits, roundWait } from './wait';

describe('estimateWaits', () => {
  it('the first `parallel` patients are next; the rest wait in rounds', () => {
    expect(estimateWaits({ queueLength: 5, parallel: 2, minutesPerPatient: 15 })).toEqual([0, 0, 15, 15, 30]);
    expect(estimateWaits({ queueLength: 3, parallel: 1, minutesPerPatient: 10 })).toEqual([0, 10, 20]);
  });
  it('an empty queue has no estimates', () =>
    expect(estimateWaits({ queueLength: 0, parallel: 3, minutesPerPatient: 15 })).toEqual([]));
  it('treats zero, negative or fractional parallelism as at least one at a time', () => {
    expect(estimateWaits({ queueLength: 3, parallel: 0, minutesPerPatient: 10 })).toEqual([0, 10, 20]);
    expect(estimateWaits({ queueLength: 3, parallel: -2, minutesPerPatient: 10 })).toEqual([0, 10, 20]);
    expect(estimateWaits({ queueLength: 4, parallel: 2.9, minutesPerPatient: 10 })).toEqual([0, 0, 10, 10]);
  });
  it('property: one estimate per patient, first is 0, never decreasing, more rooms never slower', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(60),
        (queueLength, parallel, minutesPerPatient) => {
          const w = estimateWaits({ queueLength, parallel, minutesPerPatient });
          const faster = estimateWaits({ queueLength, parallel: parallel + 1, minutesPerPatient });
          expect(w).toHaveLength(queueLength);
          if (queueLength > 0) expect(w[0]).toBe(0);
          w.forEach((m, i) => {
            if (i > 0) expect(m).toBeGreaterThanOrEqual(w[i - 1]!);
            expect(faster[i]).toBeLessThanOrEqual(m);
            expect(m).toBeLessThanOrEqual(i * minutesPerPatient);
          });
        },
      ),
    );
  });
});

describe('roundWait', () => {
  // Minutes to the hundredth: the waits the app computes, not sub-nanosecond doubles.
  const minutes = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);
  it('rounds to 5 minutes so the number does not flicker; "soon" (0) only under 3 minutes', () => {
    expect([0, 1, 2.9, 3, 4, 7.4, 7.5, 11, 14.2].map(roundWait)).toEqual([0, 0, 0, 5, 5, 5, 10, 10, 15]);
  });
  it('never shows a negative wait', () => expect(roundWait(-7)).toBe(0));
  it('property: a multiple of 5, within 3 minutes of the estimate, monotone', () => {
    fc.assert(
      fc.property(minutes, minutes, (a, b) => {
        const r = roundWait(a);
        expect(r % 5).toBe(0);
        expect(Math.abs(r - a)).toBeLessThanOrEqual(3);
        if (a <= b) expect(r).toBeLessThanOrEqual(roundWait(b));
      }),
    );
  });
});
