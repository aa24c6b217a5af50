import type { ScheduleDay } from '@clinicflow/contracts';
import { api } from '$lib/api';

/**
 * One day of the book as the server has it, read again (debounced) whenever someone's change touches it. The
 * latest read wins: an answer for another day, or one overtaken by a newer read, is dropped.
 */
export class ScheduleDayData {
  #data = $state.raw<ScheduleDay | null>(null);
  #error = $state<string | null>(null);
  #loading = $state(false);
  #day = '';
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  get data(): ScheduleDay | null {
    return this.#data;
  }
  get error(): string | null {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** The appointments shown, for telling whether an event concerns them (a snapshot, not reactive). */
  get shownIds(): ReadonlySet<string> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built per question, never kept or mutated
    return new Set(this.#data?.appointments.map((a) => a.id) ?? []);
  }

  /** Shows `day`: read now (what was shown for another day goes at once). */
  async show(day: string): Promise<void> {
    if (day !== this.#day) {
      this.#day = day;
      this.#data = null;
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

  async reload(): Promise<void> {
    const day = this.#day;
    if (!day) return;
    const request = ++this.#request;
    this.#loading = true;
    const result = await api<ScheduleDay>('schedule', { query: { day } });
    if (request !== this.#request) return;
    this.#loading = false;
    if (result.ok) {
      this.#data = result.data;
      this.#error = null;
    } else {
      this.#error = result.error.message;
    }
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#request++;
  }
}
