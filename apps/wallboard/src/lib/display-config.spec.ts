import { describe, expect, it } from 'vitest';
import { configFromQuery, defaultRoomThresholds } from './display-config';

const q = (s: string) => new URLSearchParams(s);

describe('configFromQuery', () => {
  it('defaults to sound on, English, all rooms, the default thresholds', () => {
    const config = configFromQuery('waiting_room_display', q(''));
    expect(config).toMatchObject({ layout: 'waiting', sound: true, language: 'en', privacy: null });
    expect(config.rooms).toEqual({ names: null, providerId: null });
    expect(config.thresholds).toEqual(defaultRoomThresholds);
    expect(config.bannerMs).toBe(25_000);
  });
  it('turns sound off with ?sound=off', () => {
    expect(configFromQuery(null, q('sound=off')).sound).toBe(false);
    expect(configFromQuery(null, q('sound=OFF')).sound).toBe(false);
    expect(configFromQuery(null, q('sound=on')).sound).toBe(true);
  });
  it('reads a room filter by names or provider', () => {
    const config = configFromQuery('room_status_display', q('rooms=Room 1, Room 2,,'));
    expect(config.layout).toBe('rooms');
    expect(config.rooms).toEqual({ names: ['Room 1', 'Room 2'], providerId: null });
    expect(configFromQuery(null, q('provider=p-1')).rooms).toEqual({ names: null, providerId: 'p-1' });
  });
  it('accepts only a well-formed language tag', () => {
    expect(configFromQuery(null, q('lang=es-MX')).language).toBe('es-MX');
    expect(configFromQuery(null, q('lang=<script>')).language).toBe('en');
  });
});
