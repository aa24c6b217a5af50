import type { HandlerMap } from '../../platform/handler';
import { createStaffAccount, resetStaffPassword, updateStaffAccount } from './staff.handlers';
import type { StaffService } from './staff.service';

export const staffHandlers = (staff: StaffService) =>
  ({
    CreateStaffAccount: createStaffAccount(staff),
    UpdateStaffAccount: updateStaffAccount(staff),
    ResetStaffPassword: resetStaffPassword,
  }) satisfies Partial<HandlerMap>;
