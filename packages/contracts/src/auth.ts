import { z } from 'zod';
import { text } from './text';
import {
  deviceTypes,
  displayLayouts,
  displayPrivacyModes,
  languages,
  staffRoles,
  type DeviceType,
  type DisplayConfig,
  type StaffRole,
} from '@clinicflow/domain';

/** NIST SP 800-63B / ASVS: long passwords, no composition rules, capped to bound hashing work. */
export const passwordSchema = text()
  .min(12, 'Use at least 12 characters')
  .max(128, 'Use at most 128 characters');

export const usernameSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Use 3–40 letters, digits, dots, dashes or underscores');

export const loginSchema = z.object({
  username: text().trim().toLowerCase().min(1, 'Enter your username').max(40),
  password: text().min(1, 'Enter your password').max(128),
});

/** POST /api/auth/login and GET /api/auth/session answer with this. */
export type SessionInfo = {
  staff: { id: string; username: string; displayName: string; role: StaffRole };
  /** Signed out after this long without activity; the console warns a minute or two before. */
  idleTimeoutMs: number;
  /** When the session ends regardless of activity. */
  expiresAt: string;
  /** When the inactivity limit falls, as the server sees it. */
  idleExpiresAt: string;
};

export const createStaffSchema = z.object({
  username: usernameSchema,
  displayName: text().trim().min(1, 'Enter a name').max(80),
  role: z.enum(staffRoles),
  password: passwordSchema,
});

export const updateStaffSchema = z.object({
  displayName: text().trim().min(1).max(80).optional(),
  role: z.enum(staffRoles).optional(),
  disabled: z.boolean().optional(),
});

export const resetPasswordSchema = z.object({ password: passwordSchema });

export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  lockedUntil: string | null;
};

/** A device asks to be paired: the server answers with a code to show and a secret token to keep. */
export type PairingRequest = { code: string; token: string; expiresAt: string };

export const pairDeviceSchema = z.object({
  code: text()
    .trim()
    .toUpperCase()
    .transform((s) => s.replace(/[^A-Z0-9]/g, ''))
    .pipe(text().length(6, 'The pairing code has 6 letters and digits')),
  name: text().trim().min(1, 'Name the device').max(60),
  type: z.enum(deviceTypes),
  location: text().trim().max(80).default(''),
});

export const displayConfigSchema = z.object({
  layout: z.enum(displayLayouts),
  language: z.enum(languages),
  privacy: z.enum(displayPrivacyModes),
  sound: z.boolean(),
  roomIds: z.array(z.uuid()).max(100).nullable(),
  providerIds: z.array(z.uuid()).max(100).nullable(),
});

export const updateDeviceSchema = z.object({
  name: text().trim().min(1, 'Name the device').max(60).optional(),
  location: text().trim().max(80).optional(),
  /** Displays only. */
  config: displayConfigSchema.optional(),
});

export type DeviceInfo = {
  id: string;
  name: string;
  type: DeviceType;
  location: string;
  /** Displays: how this screen shows the clinic. Null for kiosks. */
  config: DisplayConfig | null;
  createdAt: string;
  lastSeenAt: string | null;
  online: boolean;
  revokedAt: string | null;
};

/** GET /api/devices/me for a device token: still waiting for an admin, or paired. */
export type DeviceStatus =
  | { state: 'pending'; code: string; expiresAt: string }
  /** A paired device also learns its clinic's name and time zone, to show times as the clinic keeps them. */
  | { state: 'paired'; device: DeviceInfo; clinic: { name: string; timezone: string } };

export const auditQuerySchema = z.object({
  actor: text().trim().max(80).optional(),
  action: text().trim().max(80).optional(),
  entityType: text().trim().max(40).optional(),
  entityId: text().trim().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type AuditRow = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  origin: string | null;
  /** Why, where the command gave a reason the audit keeps (an admin's overbooking). */
  reason: string | null;
};

/** Every refused HTTP request answers with this shape and a stable code. */
export type ApiError = {
  ok: false;
  code:
    | 'UNAUTHENTICATED'
    | 'FORBIDDEN'
    | 'LOCKED_OUT'
    | 'VALIDATION'
    | 'NOT_FOUND'
    | 'CONFLICT'
    | 'RATE_LIMITED'
    | 'INTERNAL';
  message: string;
  issues?: { path: string; message: string }[];
};
