import type { KeyBinding } from './keymap.svelte';
import { chordOf, dispatchable, isTypingField, step, type Pending } from './match';

/** Marks the shell's own dialogs (help, palette): the dispatcher still hears Mod combinations in them. */
export const shellDialogAttribute = 'data-key-shell-dialog';

/** Mod is Cmd on Apple keyboards, Ctrl elsewhere. */
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A modal dialog is open that is not one of the shell's own: it owns the keyboard. */
function foreignModalOpen(): boolean {
  return [...document.querySelectorAll('dialog, [aria-modal="true"]')].some(
    (el) =>
      !el.hasAttribute(shellDialogAttribute) &&
      (el instanceof HTMLDialogElement ? el.matches(':modal') : el.getAttribute('aria-modal') === 'true'),
  );
}

/**
 * The one keydown handler of the signed-in shell: runs the key map's bindings (single keys, `g s` sequences,
 * Mod+k), leaves typing in fields alone, and stays out of other modal dialogs.
 */
export function keyDispatcher(bindings: () => KeyBinding[]): (event: KeyboardEvent) => void {
  let pending: Pending = null;
  const mac = isMac();
  return (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const chord = chordOf(event, mac);
    if (!chord) return;
    const target = event.target instanceof Element ? event.target : null;
    const where = {
      typing: target instanceof HTMLElement && isTypingField(target),
      foreignModal: foreignModalOpen(),
      inShellDialog: !!target?.closest(`[${shellDialogAttribute}]`),
      onControl: !!target?.closest('button, a[href], summary, [role="button"], [role="link"]'),
    };
    if (!dispatchable(chord, where)) {
      pending = null;
      return;
    }
    const result = step(bindings(), pending, chord, event.timeStamp);
    pending = result.pending;
    if (result.pending) event.preventDefault();
    if (!result.binding) return;
    event.preventDefault();
    result.binding.run();
  };
}
