import type { ScheduleDay } from '@clinicflow/contracts';
import { api } from '$lib/api';

/**
 * The days of the book shown (one, or a week) as the server has them, read again (debounced) whenever someone's
 * change touches one. The latest read wins: an answer for other days, or one overtaken by a newer read, is dropped.
 */
export class ScheduleDayData {
  #days = $state.raw<ScheduleDay[] | null>(null);
  #error = $state<string | null>(null);
  #loading = $state(false);
  #wanted: string[] = [];
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** The first day shown (the day view's day), once read. */
  get data(): ScheduleDay | null {
    return this.#days?.[0] ?? null;
  }
  /** Every day shown, in order, once all are read. */
  get days(): ScheduleDay[] | null {
    return this.#days;
  }
  get error(): string | null {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** The appointments, blocks and holds shown, for telling whether an event concerns them (a snapshot). */
  get shownIds(): ReadonlySet<string> {
    const ids = this.#days?.flatMap((d) => [...d.appointments, ...d.reservations].map((a) => a.id));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built per question, never kept or mutated
    return new Set(ids ?? []);
  }
  /** The days asked for (a snapshot). */
  get wanted(): readonly string[] {
    return this.#wanted;
  }

  /** Shows `days`: read now (what was shown for other days goes at once). */
  async show(days: readonly string[]): Promise<void> {
    if (days.join() !== this.#wanted.join()) {
      this.#wanted = [...days];
      this.#days = null;
    }
    await this.reload();
  }

  /** Read again soon; several calls in a burst make one read. */
  reloadSoon(delayMs = 250): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.reload();
    }, delayMs);
  }

  /** Reads every day shown, in parallel; one that fails keeps what was shown and says why. */
  async reload(): Promise<void> {
    const wanted = this.#wanted;
    if (wanted.length === 0) return;
    const request = ++this.#request;
    this.#loading = true;
    const results = await Promise.all(wanted.map((day) => api<ScheduleDay>('schedule', { query: { day } })));
    if (request !== this.#request) return;
    this.#loading = false;
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) {
      this.#error = failed.error.message;
      return;
    }
    this.#days = results.flatMap((r) => (r.ok ? [r.data] : []));
    this.#error = null;
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#request++;
  }
}
