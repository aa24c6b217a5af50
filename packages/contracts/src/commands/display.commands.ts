import { z } from 'zod';
import { displayPrivacyModes, roomStatuses } from '@clinicflow/domain';
import { text } from '../text';
import { command } from './define';

/** Minutes a room may stay in a status before the staff board highlights it; the console's fields use these. */
export const roomThresholdLimits = { min: 1, max: 24 * 60 } as const;
export const displayNoticeMaxLength = 200;

export const displayCommands = {
  UpdateDisplaySettings: command({
    displayNotice: text()
      .trim()
      .max(displayNoticeMaxLength, `Keep the notice under ${displayNoticeMaxLength} characters`)
      .nullable()
      .optional(),
    roomThresholds: z
      .partialRecord(z.enum(roomStatuses), z.int().min(roomThresholdLimits.min).max(roomThresholdLimits.max))
      .optional(),
    displayPrivacy: z.enum(displayPrivacyModes).optional(),
  }),
};
