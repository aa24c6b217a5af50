import { z } from 'zod';
import { command, id } from './define';

/** How late a provider can be announced as running; the console's field takes its bounds from here. */
export const delayLimits = { min: 0, max: 240 } as const;

export const schedulingCommands = {
  AnnounceDelay: command({
    providerId: id,
    minutes: z
      .int()
      .min(delayLimits.min, 'A delay cannot be negative')
      .max(delayLimits.max, 'At most 4 hours'),
  }),
};
