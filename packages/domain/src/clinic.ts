/** What public screens may show of a patient: the ticket only, or first name + last initial. */
export const displayPrivacyModes = ['ticket', 'first_name_initial'] as const;
export type DisplayPrivacy = (typeof displayPrivacyModes)[number];

export type Clinic = {
  id: string;
  name: string;
  timezone: string;
  displayPrivacy: DisplayPrivacy;
};

/** The clinic-local calendar day (YYYY-MM-DD) that an instant falls on. */
export function clinicDay(instant: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
