import { tick } from 'svelte';
import { catalogs, type Messages } from '$lib/messages';
import type { Preferences } from '$lib/preferences.svelte';

export type Step =
  | 'welcome'
  | 'name'
  | 'code'
  | 'dob'
  | 'confirm'
  | 'walkin-name'
  | 'walkin-phone'
  | 'walkin-reason'
  | 'contact-ask'
  | 'contact'
  | 'insurance'
  | 'question'
  | 'consent'
  | 'ticket'
  | 'urgent'
  | 'desk'
  | 'offline'
  | 'sent'
  | 'survey-offer'
  | 'survey-thanks';
/** Computed from the catalog when shown, so a language switch translates what is on screen. */
export type Text = (t: Messages) => string;
export type FieldError = { field: string; text: Text };

/** The server's words are English; in other languages a plain "ask at the desk" is clearer than English. */
export const serverSays =
  (message: string, fallback: Text): Text =>
  (m) =>
    m.locale.startsWith('en') && message ? message : fallback(m);

/** What the kiosk shows: the step, its heading (focus moves there), and the errors and messages on it. */
export class Screen {
  readonly prefs: Preferences;
  /** The current step's heading; focus moves there on every step change. */
  heading = $state<HTMLElement | null>(null);
  #step = $state<Step>('welcome');
  #errors = $state<FieldError[]>([]);
  /** A problem that belongs to no single field (not found, offline…). */
  #problem = $state<Text | null>(null);
  /** A one-off message on the next screen ("your check-in was sent"). */
  #notice = $state<Text | null>(null);

  constructor(prefs: Preferences) {
    this.prefs = prefs;
  }

  /** The patient's language: read when shown, so a switch translates what is on screen. */
  get t(): Messages {
    return catalogs[this.prefs.language];
  }
  get step(): Step {
    return this.#step;
  }
  get errors(): FieldError[] {
    return this.#errors;
  }
  get problem(): Text | null {
    return this.#problem;
  }
  set problem(text: Text | null) {
    this.#problem = text;
  }
  get notice(): Text | null {
    return this.#notice;
  }

  go(next: Step): void {
    this.#step = next;
    this.#notice = null;
    void tick().then(() => this.heading?.focus());
  }

  /** The first step shown after a reload: no focus moved, as the page is only just loading. */
  protected resumeAt(step: Step): void {
    this.#step = step;
  }

  /** Shown on the step just reached (set after `go`). */
  announce(text: Text): void {
    this.#notice = text;
  }

  clearErrors(): void {
    this.#errors = [];
    this.#problem = null;
  }

  /** Back (or sideways) to another step, forgetting the errors shown on this one. */
  back(to: Step): void {
    this.clearErrors();
    this.go(to);
  }

  /** The patient's way on is at the desk, with why. */
  desk(text: Text): void {
    this.#problem = text;
    this.go('desk');
  }

  /** Errors beside their fields (and in the summary); focus moves to `focus`, the first field by default. */
  showErrors(list: FieldError[], focus = list[0]?.field ?? ''): void {
    this.#errors = list;
    void tick().then(() => document.getElementById(focus)?.focus());
  }

  errorFor(field: string): string | null {
    return this.#errors.find((e) => e.field === field)?.text(this.t) ?? null;
  }
  invalid(field: string): boolean {
    return this.#errors.some((e) => e.field === field);
  }
  describedBy(field: string, hint?: string): string | undefined {
    return [hint, this.invalid(field) ? `${field}-error` : null].filter(Boolean).join(' ') || undefined;
  }
}
