import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { displayPrivacyModes } from '@clinicflow/domain';
import { type DatabaseHandle, repo } from '../src';
import { patients } from '../src/schema';
import { openTestDatabase, testBackends } from '../src/testing';

const now = new Date('2026-11-29T15:00:00Z');
const newClinic = (db: DatabaseHandle['db'], name: string) =>
  repo.clinics.insert(db, {
    name,
    timezone: 'America/New_York',
    displayPrivacy: displayPrivacyModes[0],
    askContactDetails: false,
    displayNotice: null,
    roomThresholds: {},
  });

/** Many clinics share one database (the scale issue): every repository call is scoped by the clinic it names. */
describe.each(testBackends)('clinic scope on %s', (backend) => {
  let handle: DatabaseHandle;
  let clinicId: string;
  let patientId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    clinicId = (await newClinic(handle.db, 'Test Clinic')).id;
    patientId = (
      await repo.patients.insert(handle.db, {
        clinicId,
        firstName: 'Ana',
        lastName: 'Quintero',
        dateOfBirth: '1985-03-27',
      })
    ).id;
  });
  afterAll(() => handle?.close());

  it('reads and writes one clinic only: another clinic id finds nothing and changes nothing', async () => {
    const other = await newClinic(handle.db, 'Other Clinic');
    const staff = await repo.staff.insert(handle.db, {
      clinicId,
      username: 'scoped.nurse',
      displayName: 'Scoped Nurse',
      role: 'nurse',
      passwordHash: 'x',
    });
    await repo.staff.update(handle.db, other.id, staff.id, { disabled: true });
    expect((await repo.staff.get(handle.db, clinicId, staff.id))?.disabled).toBe(false);
    expect(await repo.staff.get(handle.db, other.id, staff.id)).toBeNull();

    const [room] = await repo.rooms.insertMany(handle.db, clinicId, ['Scoped room'], now);
    const moved = {
      ...room!,
      clinicId: other.id,
      status: 'out_of_service' as const,
      version: room!.version + 1,
    };
    expect(await repo.rooms.save(handle.db, moved, room!.version)).toBe(false);
    expect((await repo.rooms.get(handle.db, clinicId, room!.id))?.status).toBe('available');

    await repo.contactDetails.update(handle.db, other.id, patientId, { phone: '555 000 0000' });
    const [row] = await handle.db
      .select({ phone: patients.phone })
      .from(patients)
      .where(eq(patients.id, patientId));
    expect(row?.phone).not.toBe('555 000 0000');
    expect(await repo.consents.signedDocuments(handle.db, other.id, patientId)).toEqual([]);
  });
});
