import { describe, expect, it } from 'vitest';
import { catalogs, en } from './messages';

const shape = (value: unknown): unknown =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
    : typeof value;

describe('wallboard catalogs', () => {
  it('every language has every string', () => {
    for (const catalog of Object.values(catalogs)) expect(shape(catalog)).toEqual(shape(en));
  });
  it('says delays and broken equipment in the screen language', () => {
    expect(catalogs.en.delay('Dr. Feld', 20)).toBe('Dr. Feld is running about 20 minutes late');
    expect(catalogs.es.delay('Dr. Feld', 20)).toBe('Dr. Feld lleva unos 20 minutos de retraso');
    expect(catalogs.vi.delay('Dr. Feld', 20)).toBe('Dr. Feld đang trễ khoảng 20 phút');
    expect(catalogs.en.equipmentOut('ECG machine')).toBe('ECG machine out of service');
    expect(catalogs.es.announce('A 0 2 3', true, 'Sala 3')).toBe(
      'Turno A 0 2 3, por favor pase a la Sala 3.',
    );
  });
});
