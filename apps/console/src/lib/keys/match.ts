/**
 * Key matching as pure functions: a keydown becomes a chord ('g', '?', 'Enter', 'Mod+k'), chords build sequences
 * ('g s'), and a sequence picks the binding it names. The dispatcher adds only the DOM around it.
 */

/** One key press as a binding names it: 'j', '?', 'Enter', 'Shift+ArrowDown', 'Mod+k'. */
export type Chord = string;

export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** A sequence waits this long for its next key ('g' then 's'). */
export const SEQUENCE_MS = 1000;

const modifierKeys = new Set([
  'Shift',
  'Control',
  'Meta',
  'Alt',
  'AltGraph',
  'CapsLock',
  'Dead',
  'Unidentified',
]);

/**
 * The chord of a key press, or null for a bare modifier and for combinations no binding uses (Alt, and Ctrl on
 * macOS, type characters or belong to the system). Mod is Cmd on macOS and Ctrl elsewhere.
 */
export function chordOf(event: KeyEventLike, mac: boolean): Chord | null {
  if (modifierKeys.has(event.key) || event.altKey) return null;
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (mac ? event.ctrlKey : event.metaKey) return null;
  const named = event.key.length > 1;
  // A printable key already carries Shift in its character ('?', 'J'); a named key names it.
  const shift = event.shiftKey && (named || mod) ? 'Shift+' : '';
  const key = mod && !named ? event.key.toLowerCase() : event.key;
  return `${mod ? 'Mod+' : ''}${shift}${key}`;
}

/** The chords of a binding's `keys`: 'g s' → ['g', 's']; 'Mod+K' → ['Mod+k']. */
export function chordsOf(keys: string): Chord[] {
  return keys
    .split(' ')
    .filter(Boolean)
    .map((part) => {
      const plus = part.lastIndexOf('+');
      if (plus <= 0 || plus === part.length - 1) return part;
      const key = part.slice(plus + 1);
      return part.slice(0, plus + 1) + (key.length === 1 ? key.toLowerCase() : key);
    });
}

/** The keys pressed so far of a sequence, and when the last one was. */
export type Pending = { chords: Chord[]; at: number } | null;

const startsWith = (whole: Chord[], part: Chord[]) => part.every((c, i) => whole[i] === c);

/**
 * One key press against the bindings: the binding it completes (if any) and what is still pending. A key that
 * continues no sequence starts again on its own, so 'g' then 'j' runs 'j'.
 */
export function step<B extends { keys: string }>(
  bindings: readonly B[],
  pending: Pending,
  chord: Chord,
  now: number,
): { binding: B | null; pending: Pending } {
  const live = pending && now - pending.at <= SEQUENCE_MS ? pending.chords : [];
  for (const pressed of live.length ? [[...live, chord], [chord]] : [[chord]]) {
    const exact = bindings.find((b) => {
      const chords = chordsOf(b.keys);
      return chords.length === pressed.length && startsWith(chords, pressed);
    });
    if (exact) return { binding: exact, pending: null };
    if (
      bindings.some((b) => chordsOf(b.keys).length > pressed.length && startsWith(chordsOf(b.keys), pressed))
    )
      return { binding: null, pending: { chords: pressed, at: now } };
  }
  return { binding: null, pending: null };
}

/** Where the key was pressed, as far as the dispatcher cares. */
export type KeyContext = {
  /** In a text field, a select or editable text: letters there are typing, not shortcuts. */
  typing: boolean;
  /** A modal dialog other than the shell's own (help, palette) is open: it owns the keyboard. */
  foreignModal: boolean;
  /** Inside the shell's own help or palette dialog, which handle their keys (Escape, arrows) themselves. */
  inShellDialog: boolean;
  /** On a button or link: Enter and Space press it, they are not shortcuts there. */
  onControl?: boolean;
};

/** Whether a chord may reach the key map from where it was pressed. */
export function dispatchable(chord: Chord, where: KeyContext): boolean {
  if (where.foreignModal) return false;
  const mod = chord.startsWith('Mod+');
  if (where.inShellDialog) return mod;
  if (where.onControl && (chord === 'Enter' || chord === ' ')) return false;
  return !where.typing || mod || chord === 'Escape';
}

const nonTextInputs = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** A field that takes typed characters: text inputs, textareas, selects (type-ahead) and editable content. */
export function isTypingField(el: { tagName: string; type?: string; isContentEditable?: boolean }): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !nonTextInputs.has((el.type ?? 'text').toLowerCase());
  return el.isContentEditable === true;
}

/** A binding's keys as the `?` list and the palette print them: 'Mod+k' → ['Ctrl', 'K'] steps. */
export function keyLabels(keys: string, mac: boolean): string[][] {
  const names: Record<string, string> = {
    Mod: mac ? '⌘' : 'Ctrl',
    Shift: 'Shift',
    Escape: 'Esc',
    ArrowUp: '↑',
    ArrowDown: '↓',
    ArrowLeft: '←',
    ArrowRight: '→',
  };
  return chordsOf(keys).map((chord) =>
    (chord.length > 1 && chord.includes('+') ? chord.split('+') : [chord]).map(
      (part) => names[part] ?? (part.length === 1 && chord.includes('+') ? part.toUpperCase() : part),
    ),
  );
}
