import { tick } from 'svelte';

/** What the shell's dialogs are doing, so the header, the key map and the dialogs agree. */
class KeyShell {
  /** The shell's one dialog open now, if any: the `?` list or the command palette. */
  open = $state<'help' | 'palette' | null>(null);
  /** Where focus was when a dialog opened: it returns there when the dialog closes. */
  #returnTo: HTMLElement | null = null;

  show(which: 'help' | 'palette'): void {
    if (this.open === null) {
      const active = document.activeElement;
      this.#returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    this.open = which;
  }

  toggle(which: 'help' | 'palette'): void {
    if (this.open === which) this.close();
    else this.show(which);
  }

  /** Closes the dialog and puts focus back where it was (or on the page's main region, never the body). */
  close(): void {
    if (this.open === null) return;
    this.open = null;
    const target = this.#returnTo;
    this.#returnTo = null;
    void tick().then(() => focusSensibly(target));
  }
}

export const keyShell = new KeyShell();

/** Focuses `target` if it is still on the page, else the main region: focus never falls to the body. */
export function focusSensibly(target: HTMLElement | null): void {
  if (target?.isConnected) target.focus();
  if (!target || document.activeElement !== target)
    document.getElementById('main')?.focus({ preventScroll: true });
}

/**
 * Focuses the element `selector` names once it is on the page (a row after navigating to the flow board), for up to
 * `timeoutMs`; the main region if it never comes.
 */
export function focusWhenShown(selector: string, timeoutMs = 3000): void {
  const until = performance.now() + timeoutMs;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
    } else if (performance.now() < until) requestAnimationFrame(attempt);
    else focusSensibly(null);
  };
  attempt();
}
