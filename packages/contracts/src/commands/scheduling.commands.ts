import { z } from 'zod';
import { delayMinutes } from '../limits';
import { command, id } from './define';

export const schedulingCommands = {
  AnnounceDelay: command({
    providerId: id,
    minutes: z
      .int()
      .min(delayMinutes.min, 'A delay cannot be negative')
      .max(delayMinutes.max, `At most ${delayMinutes.max / 60} hours`),
  }),
};
