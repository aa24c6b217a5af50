/**
 * Token buckets per key: `capacity` requests at once, refilled at `perSecond`. Used per socket (floods get the
 * socket dropped) and per address (pairing requests).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #capacity: number;
  readonly #perSecond: number;

  constructor(options: { capacity: number; perSecond: number }) {
    this.#capacity = options.capacity;
    this.#perSecond = options.perSecond;
  }

  take(key: string, nowMs: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: nowMs };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.#perSecond);
    bucket.at = nowMs;
    if (this.#buckets.size > 10_000) this.#buckets.clear(); // bounded memory under a flood of new keys
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    return allowed;
  }

  forget(key: string): void {
    this.#buckets.delete(key);
  }
}
