import { describe, expect, it } from 'vitest';
import {
  createStaffSchema,
  displayConfigSchema,
  type ApiError,
  type CommandFailure,
} from '@clinicflow/contracts';
import { fieldIssues } from './field-issues';

describe('fieldIssues', () => {
  it('keys a route refusal by field, first message only, without "body." or "/" prefixes', () => {
    const error: ApiError = {
      ok: false,
      code: 'VALIDATION',
      message: 'Check the form',
      issues: [
        { path: 'body.username', message: 'Enter a username' },
        { path: 'body.username', message: 'Too long' },
        { path: '/password', message: 'At least 12 characters' },
        { path: '', message: 'Something else' },
      ],
    };
    expect(fieldIssues(error)).toEqual({
      username: 'Enter a username',
      password: 'At least 12 characters',
      '': 'Something else',
    });
  });

  it('reads a command refusal: nested paths land on their top-level field', () => {
    const failure: CommandFailure = {
      ok: false,
      code: 'VALIDATION',
      message: 'roomThresholds.occupied: Too big',
      issues: [{ path: 'roomThresholds.occupied', message: 'Too big', code: 'too_big' }],
    };
    expect(fieldIssues(failure)).toEqual({ roomThresholds: 'Too big' });
  });

  it('reads a zod error from the contract schemas the forms check before sending', () => {
    const staff = createStaffSchema.safeParse({
      username: '',
      displayName: ' ',
      role: 'nurse',
      password: 'x',
    });
    expect(staff.success).toBe(false);
    expect(Object.keys(fieldIssues(staff.error)).sort()).toEqual(['displayName', 'password', 'username']);

    const config = displayConfigSchema.safeParse({
      layout: 'waiting',
      language: 'en',
      privacy: 'ticket',
      sound: true,
      roomIds: ['not-a-uuid'],
      providerIds: null,
    });
    expect(Object.keys(fieldIssues(config.error))).toEqual(['roomIds']);
  });

  it('keys a nested form by the fields inside it', () => {
    const error: ApiError = {
      ok: false,
      code: 'VALIDATION',
      message: 'config.roomIds.0: Invalid UUID',
      issues: [
        { path: 'body.config.roomIds.0', message: 'Invalid UUID' },
        { path: 'name', message: 'Name the device' },
      ],
    };
    expect(fieldIssues(error, { within: 'config' })).toEqual({
      roomIds: 'Invalid UUID',
      name: 'Name the device',
    });
  });

  it('has nothing to say without a refusal', () => {
    expect(fieldIssues(null)).toEqual({});
    expect(fieldIssues(undefined)).toEqual({});
    expect(fieldIssues({ issues: undefined })).toEqual({});
  });
});
