import type { Language } from '@clinicflow/domain';
import { en, type Messages } from './i18n/en';
import { es } from './i18n/es';
import { vi } from './i18n/vi';

export type { Messages };

/** Every catalog the kiosk offers a patient; add a language by adding a catalog with the same keys. */
export const catalogs: Record<Language, Messages> = { en, es, vi };

/** The setup screens, seen only by staff before the kiosk is paired: English. */
export const setup = {
  pairing: {
    title: 'Set up this check-in screen',
    instructions: 'An administrator enters this code in Clinicflow\u00a0Console\u00a0→\u00a0Devices',
    waiting: 'Getting a code…',
    expiresIn: (minutes: number) =>
      minutes < 1
        ? 'A new code appears in less than a minute.'
        : `This code changes in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    offline: 'Cannot reach the Clinicflow server. Trying again…',
    rateLimited: 'Too many codes were asked for. A new one will appear shortly.',
    wrongTypeTitle: 'This screen is set up as a display',
    wrongType: (name: string) =>
      `It was paired as “${name}”. To use it for check-in, an administrator removes it in Clinicflow\u00a0Console\u00a0→\u00a0Devices; it then shows a new code.`,
  },
} as const;

/** What the page around the check-in flow shows (pairing); the flow itself reads `catalogs`. */
export const messages = { pairing: setup.pairing };
