import { createStaffSchema, resetPasswordSchema, updateStaffSchema, type StaffAccount } from '../auth';
import { command, id, returns } from './define';

/** Admins manage accounts: one per person, never shared. */
export const staffCommands = {
  CreateStaffAccount: command(createStaffSchema.shape, returns<StaffAccount>()),
  UpdateStaffAccount: command({ staffId: id, ...updateStaffSchema.shape }, returns<StaffAccount>()),
  ResetStaffPassword: command({ staffId: id, ...resetPasswordSchema.shape }),
};
