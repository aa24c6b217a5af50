/** Quiet success messages for the admin pages: one at a time, gone after a few seconds. */
export class Toasts {
  #current = $state<{ id: number; text: string } | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get current(): { id: number; text: string } | null {
    return this.#current;
  }

  show(text: string): void {
    clearTimeout(this.#timer);
    this.#current = { id: Date.now(), text };
    this.#timer = setTimeout(() => (this.#current = null), 4000);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#current = null;
  }
}

export const toasts = new Toasts();
