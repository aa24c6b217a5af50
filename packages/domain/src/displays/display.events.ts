import type { Clinic } from '../clinic/clinic';

export type DisplaySettingsEvent = {
  type: 'DisplaySettingsChanged';
  payload: Pick<Clinic, 'displayPrivacy' | 'displayNotice' | 'roomThresholds'>;
};
