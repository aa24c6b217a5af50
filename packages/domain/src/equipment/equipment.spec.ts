import { describe, expect, it } from 'vitest';
import { setEquipmentStatus, type Equipment } from './equipment';

const otoscope: Equipment = {
  id: 'e1',
  clinicId: 'c1',
  name: 'Otoscope',
  roomId: null,
  kind: null,
  status: 'in_service',
  version: 3,
};

describe('setting equipment status', () => {
  it('makes a new version', () => {
    const next = setEquipmentStatus({ item: otoscope, status: 'out_of_service', expectedVersion: 3 });
    expect(next).toEqual({ ok: true, value: { ...otoscope, status: 'out_of_service', version: 4 } });
  });
  it('refuses an edit made against an older version, and a missing item', () => {
    expect(
      setEquipmentStatus({ item: otoscope, status: 'out_of_service', expectedVersion: 2 }),
    ).toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(setEquipmentStatus({ item: null, status: 'in_service', expectedVersion: 0 })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
