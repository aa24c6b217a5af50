/** A small seeded RNG (mulberry32) and the distributions the simulator draws durations from. */
export type Rng = {
  next(): number;
  uniform(min: number, max: number): number;
  /** Normal by Box–Muller. */
  normal(mean: number, sd: number): number;
  /** Log-normal with the given median; `sigma` is the spread of the underlying normal. */
  logNormal(median: number, sigma: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number) => {
    const u = Math.max(next(), 1e-12);
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
