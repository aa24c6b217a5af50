import { describe, expect, it } from 'vitest';
import { isDisplay, layoutFor } from './layout';

describe('layoutFor', () => {
  it('follows the device type', () => {
    expect(layoutFor('waiting_room_display', null)).toBe('waiting');
    expect(layoutFor('room_status_display', null)).toBe('rooms');
  });
  it('lets ?layout= override it', () => {
    expect(layoutFor('waiting_room_display', 'rooms')).toBe('rooms');
    expect(layoutFor('room_status_display', 'both')).toBe('both');
    expect(layoutFor('room_status_display', 'nonsense')).toBe('rooms');
  });
  it('shows both without a display type', () => {
    expect(layoutFor(null, null)).toBe('both');
    expect(layoutFor('kiosk', null)).toBe('both');
  });
});

describe('isDisplay', () => {
  it('accepts only display types', () => {
    expect(isDisplay('waiting_room_display')).toBe(true);
    expect(isDisplay('room_status_display')).toBe(true);
    expect(isDisplay('kiosk')).toBe(false);
  });
});
