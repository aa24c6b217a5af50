import type { Language } from '@clinicflow/domain';

/** The patient's language and display choices: kept for their whole session, forgotten when it resets. */
export class Preferences {
  #language = $state<Language>('en');
  #largeText = $state(false);
  #highContrast = $state(false);

  get language(): Language {
    return this.#language;
  }
  set language(value: Language) {
    this.#language = value;
  }
  get largeText(): boolean {
    return this.#largeText;
  }
  set largeText(value: boolean) {
    this.#largeText = value;
  }
  get highContrast(): boolean {
    return this.#highContrast;
  }
  set highContrast(value: boolean) {
    this.#highContrast = value;
  }

  reset(): void {
    this.#language = 'en';
    this.#largeText = false;
    this.#highContrast = false;
  }
}
