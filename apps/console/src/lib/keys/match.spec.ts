import { describe, expect, it } from 'vitest';
import { chordOf, chordsOf, dispatchable, isTypingField, keyLabels, SEQUENCE_MS, step } from './match';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('chordOf', () => {
  it('names plain, shifted and named keys as bindings write them', () => {
    expect(chordOf(press('j'), false)).toBe('j');
    expect(chordOf(press('?', { shiftKey: true }), false)).toBe('?');
    expect(chordOf(press('J', { shiftKey: true }), false)).toBe('J');
    expect(chordOf(press('Enter'), false)).toBe('Enter');
    expect(chordOf(press('ArrowDown', { shiftKey: true }), false)).toBe('Shift+ArrowDown');
  });

  it('reads Mod as Ctrl elsewhere and Cmd on macOS', () => {
    expect(chordOf(press('k', { ctrlKey: true }), false)).toBe('Mod+k');
    expect(chordOf(press('K', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+k');
    expect(chordOf(press('k', { metaKey: true }), true)).toBe('Mod+k');
    // Cmd elsewhere and Ctrl on a Mac belong to the system.
    expect(chordOf(press('k', { metaKey: true }), false)).toBeNull();
    expect(chordOf(press('k', { ctrlKey: true }), true)).toBeNull();
  });

  it('ignores bare modifiers and Alt combinations (they type characters)', () => {
    expect(chordOf(press('Shift', { shiftKey: true }), false)).toBeNull();
    expect(chordOf(press('Control', { ctrlKey: true }), false)).toBeNull();
    expect(chordOf(press('@', { altKey: true }), false)).toBeNull();
  });
});

describe('chordsOf', () => {
  it('splits sequences and normalises the letter of a combination', () => {
    expect(chordsOf('g s')).toEqual(['g', 's']);
    expect(chordsOf('Mod+K')).toEqual(['Mod+k']);
    expect(chordsOf('Shift+ArrowUp')).toEqual(['Shift+ArrowUp']);
    expect(chordsOf('?')).toEqual(['?']);
  });
});

describe('step', () => {
  const bindings = [{ keys: 'j' }, { keys: 'g s' }, { keys: 'g f' }, { keys: 'Mod+k' }, { keys: '?' }];

  it('runs a single key at once', () => {
    expect(step(bindings, null, 'j', 0)).toEqual({ binding: bindings[0], pending: null });
  });

  it('waits for the rest of a sequence, then runs it', () => {
    const first = step(bindings, null, 'g', 0);
    expect(first).toEqual({ binding: null, pending: { chords: ['g'], at: 0 } });
    expect(step(bindings, first.pending, 's', SEQUENCE_MS - 1).binding).toBe(bindings[1]);
  });

  it('forgets a sequence that took too long', () => {
    const first = step(bindings, null, 'g', 0);
    expect(step(bindings, first.pending, 's', SEQUENCE_MS + 1)).toEqual({ binding: null, pending: null });
  });

  it('starts again from a key that continues no sequence', () => {
    const first = step(bindings, null, 'g', 0);
    expect(step(bindings, first.pending, 'j', 10)).toEqual({ binding: bindings[0], pending: null });
    expect(step(bindings, first.pending, 'x', 10)).toEqual({ binding: null, pending: null });
    expect(step(bindings, first.pending, 'g', 10).pending).toEqual({ chords: ['g'], at: 10 });
  });

  it('matches nothing for an unbound key', () => {
    expect(step(bindings, null, 'q', 0)).toEqual({ binding: null, pending: null });
  });
});

describe('dispatchable', () => {
  const where = { typing: false, foreignModal: false, inShellDialog: false };

  it('lets every key through on the page', () => {
    expect(dispatchable('j', where)).toBe(true);
  });

  it('keeps letters for typing in fields, but not Escape and Mod combinations', () => {
    const typing = { ...where, typing: true };
    expect(dispatchable('j', typing)).toBe(false);
    expect(dispatchable('?', typing)).toBe(false);
    expect(dispatchable('Escape', typing)).toBe(true);
    expect(dispatchable('Mod+k', typing)).toBe(true);
  });

  it('leaves Enter and Space to the button or link in focus', () => {
    const control = { ...where, onControl: true };
    expect(dispatchable('Enter', control)).toBe(false);
    expect(dispatchable(' ', control)).toBe(false);
    expect(dispatchable('j', control)).toBe(true);
  });

  it('leaves the keyboard to a modal dialog of someone else', () => {
    const modal = { ...where, foreignModal: true };
    expect(dispatchable('j', modal)).toBe(false);
    expect(dispatchable('Mod+k', modal)).toBe(false);
    expect(dispatchable('Escape', modal)).toBe(false);
  });

  it('in its own dialogs passes only Mod combinations (the dialog handles Escape and arrows)', () => {
    const own = { ...where, inShellDialog: true };
    expect(dispatchable('Mod+k', own)).toBe(true);
    expect(dispatchable('Escape', own)).toBe(false);
    expect(dispatchable('g', own)).toBe(false);
  });
});

describe('isTypingField', () => {
  it('counts text fields, selects and editable content as typing', () => {
    expect(isTypingField({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingField({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingField({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('does not count buttons, checkboxes or plain elements', () => {
    expect(isTypingField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingField({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingField({ tagName: 'TR', isContentEditable: false })).toBe(false);
  });
});

describe('keyLabels', () => {
  it('prints keys as people read them', () => {
    expect(keyLabels('Mod+k', false)).toEqual([['Ctrl', 'K']]);
    expect(keyLabels('Mod+k', true)).toEqual([['⌘', 'K']]);
    expect(keyLabels('g s', false)).toEqual([['g'], ['s']]);
    expect(keyLabels('Escape', false)).toEqual([['Esc']]);
    expect(keyLabels('?', false)).toEqual([['?']]);
  });
});
