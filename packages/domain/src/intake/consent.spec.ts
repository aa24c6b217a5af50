import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { signatureProblem, type Signature } from './consent';

type Point = Signature['strokes'][number][number];
const pad = { width: 600, height: 200 };
const sig = (...strokes: Point[][]): Signature => ({ ...pad, strokes });
/** A straight stroke from (x1,y1) to (x2,y2) in `n` steps, 10 ms apart. */
const line = (x1: number, y1: number, x2: number, y2: number, n = 10): Point[] =>
  Array.from({ length: n + 1 }, (_, i) => ({
    x: x1 + ((x2 - x1) * i) / n,
    y: y1 + ((y2 - y1) * i) / n,
    t: i * 10,
  }));
/** A cursive-looking squiggle across most of the pad. */
const squiggle = (): Point[] =>
  Array.from({ length: 120 }, (_, i) => ({
    x: 40 + i * 4,
    y: 100 + Math.sin(i / 4) * 50,
    t: i * 8,
  }));

describe('signatureProblem', () => {
  it('accepts a real-looking signature', () => {
    expect(signatureProblem(sig(squiggle()))).toBeNull();
    expect(signatureProblem(sig(squiggle(), line(60, 160, 520, 150)))).toBeNull();
  });

  it('an empty pad is empty', () => {
    expect(signatureProblem(sig())).toBe('empty');
    expect(signatureProblem(sig([], []))).toBe('empty');
  });

  it('a tap is too short', () => {
    expect(signatureProblem(sig([{ x: 300, y: 100, t: 0 }]))).toBe('too_short');
    expect(signatureProblem(sig([{ x: 300, y: 100, t: 0 }], [{ x: 310, y: 100, t: 200 }]))).toBe('too_short');
  });

  it('a tiny scratch is too short: ink must reach half the shorter side of the pad', () => {
    expect(signatureProblem(sig(line(300, 100, 399, 100)))).toBe('too_short');
    expect(signatureProblem(sig(line(300, 100, 400, 100)))).toBeNull();
    // Ink across several strokes adds up, but the jump between strokes is not ink.
    expect(signatureProblem(sig(line(0, 0, 60, 0), line(500, 0, 560, 0)))).toBeNull();
    expect(signatureProblem(sig(line(0, 0, 40, 0), line(500, 0, 540, 0)))).toBe('too_short');
  });

  it('a point outside the pad is out of bounds', () => {
    expect(signatureProblem(sig([...squiggle(), { x: 601, y: 100, t: 2000 }]))).toBe('out_of_bounds');
    expect(signatureProblem(sig([...squiggle(), { x: 100, y: 200.5, t: 2000 }]))).toBe('out_of_bounds');
    expect(signatureProblem(sig(squiggle(), [{ x: -1, y: 10, t: 0 }]))).toBe('out_of_bounds');
    expect(signatureProblem(sig(squiggle(), [{ x: 10, y: -0.1, t: 0 }]))).toBe('out_of_bounds');
  });

  it('points exactly on the edge are on the pad', () => {
    expect(signatureProblem(sig(line(0, 0, 600, 200)))).toBeNull();
  });

  it('non-finite coordinates are not on the pad', () => {
    expect(signatureProblem(sig([...squiggle(), { x: NaN, y: 10, t: 0 }]))).toBe('out_of_bounds');
    expect(signatureProblem(sig([...squiggle(), { x: Infinity, y: 10, t: 0 }]))).toBe('out_of_bounds');
  });

  it('too many points or strokes is too large', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i % 600, y: 100, t: i }));
    expect(signatureProblem(sig(points(5000)))).toBeNull();
    expect(signatureProblem(sig(points(5001)))).toBe('too_large');
    expect(signatureProblem(sig(points(2500), points(2501)))).toBe('too_large');
    const strokes = (n: number) => Array.from({ length: n }, (_, i) => line(0, i, 600, i, 1));
    expect(signatureProblem(sig(...strokes(100)))).toBeNull();
    expect(signatureProblem(sig(...strokes(101)))).toBe('too_large');
  });

  it('size is checked before position, so an oversized upload is refused as too large', () => {
    const far = Array.from({ length: 5001 }, (_, i) => ({ x: 10_000, y: 10_000, t: i }));
    expect(signatureProblem(sig(far))).toBe('too_large');
  });

  it('property: strokes on the pad are accepted with 100 px of ink or more, too short below; off the pad is refused', () => {
    const onPad = fc.record({
      x: fc.double({ min: 0, max: pad.width, noNaN: true }),
      y: fc.double({ min: 0, max: pad.height, noNaN: true }),
      t: fc.nat(10_000),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(onPad, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(
          { x: -1, y: 0 },
          { x: pad.width + 1, y: 0 },
          { x: 0, y: -1 },
          { x: 0, y: pad.height + 1 },
        ),
        (strokes, which, off) => {
          // Ink: the length of the drawn lines; half the pad's short side (100 px) is the least a signature has.
          const ink = strokes.reduce(
            (sum, stroke) =>
              sum +
              stroke.slice(1).reduce((n, p, i) => n + Math.hypot(p.x - stroke[i]!.x, p.y - stroke[i]!.y), 0),
            0,
          );
          expect(signatureProblem(sig(...strokes))).toBe(ink >= 100 ? null : 'too_short');
          const flat = strokes.flat();
          const moved = strokes.map((s) =>
            s.map((p) => (p === flat[which % flat.length] ? { ...p, ...off } : p)),
          );
          expect(signatureProblem(sig(...moved))).toBe('out_of_bounds');
        },
      ),
    );
  });
});
