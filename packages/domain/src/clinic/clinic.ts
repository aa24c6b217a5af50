import type { RoomThresholds } from '../displays/display-config';
import type { FlowSettings } from '../visits/visit-flags';

/** What public screens may show of a patient: the ticket only, or first name + last initial. */
export const displayPrivacyModes = ['ticket', 'first_name_initial'] as const;
export type DisplayPrivacy = (typeof displayPrivacyModes)[number];

export type Clinic = {
  id: string;
  name: string;
  timezone: string;
  displayPrivacy: DisplayPrivacy;
  /** Ask each patient at check-in whether their phone, address or insurance changed. */
  askContactDetails: boolean;
  /** A line every waiting-room screen shows, e.g. "Flu shots today without an appointment". */
  displayNotice: string | null;
  roomThresholds: RoomThresholds;
  flowSettings: FlowSettings;
};
