import type { PatientMatch } from '@clinicflow/contracts';
import { flowBoardRows, type FlowBoard } from '@clinicflow/domain';
import { roomStatusInfo, visitStatusInfo } from '@clinicflow/ui';
import type { NavLink, NavPath } from '$lib/nav';
import type { KeyBinding } from './keymap.svelte';

export type PaletteTarget =
  | { kind: 'page'; path: NavPath }
  | { kind: 'action'; binding: KeyBinding }
  | { kind: 'patient'; visitId: string }
  | { kind: 'room'; roomId: string }
  | { kind: 'other'; patientId: string };

export type PaletteKind = PaletteTarget['kind'];

/** One line of the palette: what it reads, what else finds it, and what choosing it does. */
export type PaletteEntry = {
  id: string;
  label: string;
  detail: string;
  keywords: string[];
  /** The shortcut that does the same, shown beside it. */
  keys?: string;
  target: PaletteTarget;
};

type Sources = {
  links: readonly NavLink[];
  bindings: readonly KeyBinding[];
  board: FlowBoard | null;
  timeFormat: Intl.DateTimeFormat;
  pageWord: string;
};

/**
 * Everything the palette reaches, in the order an empty query lists it: pages, actions (the key map's own
 * bindings, minus the ones that only move between pages), today's patients, rooms.
 */
export function paletteEntries({ links, bindings, board, timeFormat, pageWord }: Sources): PaletteEntry[] {
  const pagePaths = new Set(links.map((l) => `g ${l.key}`));
  const pages: PaletteEntry[] = links.map((l) => ({
    id: `page:${l.path}`,
    label: l.label,
    // The group heading says "Pages" already.
    detail: '',
    keywords: [pageWord],
    keys: `g ${l.key}`,
    target: { kind: 'page', path: l.path },
  }));
  const actions: PaletteEntry[] = bindings
    .filter((b) => !pagePaths.has(b.keys))
    .map((b) => ({
      id: `action:${b.keys}`,
      label: b.description,
      detail: b.group,
      keywords: [b.group],
      keys: b.keys,
      target: { kind: 'action', binding: b },
    }));
  if (!board) return [...pages, ...actions];
  const patients: PaletteEntry[] = flowBoardRows(board).map((v) => {
    const status = visitStatusInfo[v.status].word;
    const time = v.scheduledAt ? timeFormat.format(new Date(v.scheduledAt)) : null;
    const room = v.roomId ? board.rooms[v.roomId]?.name : null;
    return {
      id: `visit:${v.id}`,
      label: `${v.patient.firstName} ${v.patient.lastName}`,
      detail: [v.ticketCode, time, status, room].filter(Boolean).join(' · '),
      keywords: [v.ticketCode ?? '', status, v.patient.dateOfBirth].filter(Boolean),
      target: { kind: 'patient', visitId: v.id },
    };
  });
  const rooms: PaletteEntry[] = Object.values(board.rooms)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
    .map((r) => ({
      id: `room:${r.id}`,
      label: r.name,
      detail: roomStatusInfo[r.status].word,
      keywords: [roomStatusInfo[r.status].word],
      target: { kind: 'room', roomId: r.id },
    }));
  return [...pages, ...actions, ...patients, ...rooms];
}

/** Patients the server found by name who are not on today's board (those are listed already). */
export function otherPatients(
  found: readonly PatientMatch[],
  board: FlowBoard | null,
  born: (isoDate: string) => string,
): PaletteEntry[] {
  const today = new Set(board ? Object.values(board.visits).map((v) => v.patientId) : []);
  return found
    .filter((p) => !today.has(p.id))
    .map((p) => ({
      id: `patient:${p.id}`,
      label: `${p.firstName} ${p.lastName}`,
      detail: born(p.dateOfBirth),
      keywords: [],
      target: { kind: 'other', patientId: p.id },
    }));
}

/** Ranked entries grouped by kind; a group comes where its best entry ranked. */
export function groupByKind(
  ranked: readonly PaletteEntry[],
): { kind: PaletteKind; entries: PaletteEntry[] }[] {
  const groups = new Map<PaletteKind, PaletteEntry[]>();
  for (const e of ranked) {
    const list = groups.get(e.target.kind);
    if (list) list.push(e);
    else groups.set(e.target.kind, [e]);
  }
  return [...groups].map(([kind, entries]) => ({ kind, entries }));
}
