import { describe, expect, it } from 'vitest';
import type { DisplayConfig as ServerDisplayConfig } from '@clinicflow/domain';
import { languageOf, resolveConfig } from './display-config';

const q = (s: string) => new URLSearchParams(s);
const server: ServerDisplayConfig = {
  layout: 'both',
  language: 'vi',
  privacy: 'first_name_initial',
  sound: false,
  roomIds: ['r1', 'r2'],
  providerIds: ['p1'],
};

describe('resolveConfig', () => {
  it("uses the device type's defaults until the server's settings arrive", () => {
    const config = resolveConfig({ deviceType: 'waiting_room_display', server: null, query: q('') });
    expect(config).toMatchObject({ layout: 'waiting', sound: true, language: 'en' });
    expect(config.rooms).toEqual({ ids: null, names: null, providerIds: null });
    expect(config.bannerMs).toBe(25_000);
    const rooms = resolveConfig({ deviceType: 'room_status_display', server: null, query: q('') });
    expect(rooms).toMatchObject({ layout: 'rooms', sound: false });
  });
  it("follows the server's settings for this device", () => {
    const config = resolveConfig({ deviceType: 'waiting_room_display', server, query: q('') });
    expect(config).toMatchObject({ layout: 'both', sound: false, language: 'vi' });
    expect(config.rooms).toEqual({ ids: ['r1', 'r2'], names: null, providerIds: ['p1'] });
  });
  it('lets the URL override them, for testing', () => {
    const config = resolveConfig({
      deviceType: 'waiting_room_display',
      server,
      query: q('layout=rooms&sound=on&lang=es-MX&rooms=Room 1, Room 2,,&provider=p-7,p-8'),
    });
    expect(config).toMatchObject({ layout: 'rooms', sound: true, language: 'es' });
    expect(config.rooms).toEqual({ ids: null, names: ['Room 1', 'Room 2'], providerIds: ['p-7', 'p-8'] });
    expect(resolveConfig({ deviceType: null, server: null, query: q('sound=OFF') }).sound).toBe(false);
    expect(resolveConfig({ deviceType: null, server: null, query: q('layout=nonsense') }).layout).toBe(
      'both',
    );
  });
  it('accepts only a language it has messages for', () => {
    expect(languageOf('es-MX')).toBe('es');
    expect(languageOf('VI')).toBe('vi');
    expect(languageOf('<script>')).toBeNull();
    expect(languageOf('fr')).toBeNull();
    expect(resolveConfig({ deviceType: null, server, query: q('lang=fr') }).language).toBe('vi');
  });
});
