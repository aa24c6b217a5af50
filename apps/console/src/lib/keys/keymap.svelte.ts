import { onDestroy } from 'svelte';

/**
 * One shortcut. Pages declare theirs as data; one dispatcher (in the signed-in shell) runs them, and the `?` list
 * and the command palette are drawn from the same list, so what is listed is what works.
 */
export type KeyBinding = {
  /** As pressed: 'j', 'Enter', 'Escape', '?', a sequence 'g s', or 'Mod+k' (Ctrl, or Cmd on macOS). */
  keys: string;
  /** What it does, in the words the `?` list and the palette show. */
  description: string;
  /** The heading it is listed under: 'Everywhere', 'Flow board', 'Schedule', … */
  group: string;
  run: () => void;
  /** False while it does not apply (no row in focus, not allowed): neither listed nor run. */
  enabled?: () => boolean;
};

class Keymap {
  #scopes = $state<{ id: symbol; bindings: () => KeyBinding[] }[]>([]);

  /** Every binding that applies now; a later scope (the page) wins over an earlier one (the shell) for a key. */
  get bindings(): KeyBinding[] {
    const all = this.#scopes.flatMap((s) => s.bindings()).filter((b) => b.enabled?.() ?? true);
    return all.filter((b, i) => !all.slice(i + 1).some((later) => later.keys === b.keys));
  }

  /** Adds bindings until `remove` is called. */
  add(bindings: () => KeyBinding[]): () => void {
    const id = Symbol();
    this.#scopes.push({ id, bindings });
    return () => {
      this.#scopes = this.#scopes.filter((s) => s.id !== id);
    };
  }
}

export const keymap = new Keymap();

/** A component's bindings while it is mounted: call in its script. */
export function useKeys(bindings: () => KeyBinding[]): void {
  onDestroy(keymap.add(bindings));
}
