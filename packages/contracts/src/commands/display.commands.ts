import { z } from 'zod';
import { displayPrivacyModes, roomStatuses } from '@clinicflow/domain';
import { text } from '../text';
import { displayNoticeMaxLength, roomThresholdMinutes } from '../limits';
import { command } from './define';

export const displayCommands = {
  UpdateDisplaySettings: command({
    displayNotice: text()
      .trim()
      .max(displayNoticeMaxLength, `Keep the notice under ${displayNoticeMaxLength} characters`)
      .nullable()
      .optional(),
    roomThresholds: z
      .partialRecord(
        z.enum(roomStatuses),
        z.int().min(roomThresholdMinutes.min).max(roomThresholdMinutes.max),
      )
      .optional(),
    displayPrivacy: z.enum(displayPrivacyModes).optional(),
  }),
};
