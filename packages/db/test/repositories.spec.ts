import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicDay, displayPrivacyModes } from '@clinicflow/domain';
import { constraintViolated, type DatabaseHandle, repo } from '../src';
import { auditLog } from '../src/schema';
import { openTestDatabase, testBackends } from '../src/testing';
import { eq, sql } from 'drizzle-orm';

const now = new Date('2026-11-29T15:00:00Z');
/** Whether the write failed on exactly this constraint (any other error, or none, is a failure of the test). */
const violatedBy = (write: Promise<unknown>, constraint: string) =>
  write.then(
    () => false,
    (error: unknown) => constraintViolated(error, constraint),
  );
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 29, h, m)).toISOString();

describe.each(testBackends)('repositories on %s', (backend) => {
  let handle: DatabaseHandle;
  let clinicId: string;
  let providerId: string;
  let otherProviderId: string;
  let patientId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    const clinic = await repo.clinics.insert(handle.db, {
      name: 'Test Clinic',
      timezone: 'America/New_York',
      displayPrivacy: displayPrivacyModes[0],
      askContactDetails: false,
      displayNotice: null,
      roomThresholds: {},
    });
    clinicId = clinic.id;
    providerId = (await repo.providers.insert(handle.db, { clinicId, name: 'Dr. Lee' })).id;
    otherProviderId = (await repo.providers.insert(handle.db, { clinicId, name: 'Dr. Ortiz' })).id;
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

  it('refuses a second appointment for the same provider at an overlapping time, naming the provider', async () => {
    const other = (
      await repo.patients.insert(handle.db, {
        clinicId,
        firstName: 'Bo',
        lastName: 'Park',
        dateOfBirth: '1990-01-01',
      })
    ).id;
    const first = await repo.appointments.insert(handle.db, {
      clinicId,
      patientId,
      providerId,
      roomId: null,
      startsAt: at(14),
      endsAt: at(14, 30),
      reason: null,
    });
    expect(first.ok).toBe(true);
    const clash = await repo.appointments.insert(handle.db, {
      clinicId,
      patientId: other,
      providerId,
      roomId: null,
      startsAt: at(14, 15),
      endsAt: at(14, 45),
      reason: null,
    });
    expect(clash).toEqual({ ok: false, conflict: 'provider' });
    // Back to back is fine: intervals are half-open.
    const next = await repo.appointments.insert(handle.db, {
      clinicId,
      patientId: other,
      providerId,
      roomId: null,
      startsAt: at(14, 30),
      endsAt: at(15),
      reason: null,
    });
    expect(next.ok).toBe(true);
  });

  it('overlapping bookings at the same moment: one is booked, every other is told what clashed', async () => {
    const [room] = await repo.rooms.insertMany(handle.db, clinicId, ['Room Race'], now);
    const booking = (round: number) => ({
      clinicId,
      patientId,
      providerId: otherProviderId,
      roomId: room!.id,
      startsAt: new Date(Date.UTC(2026, 11, 1, 0, 0) + round * 3_600_000).toISOString(),
      endsAt: new Date(Date.UTC(2026, 11, 1, 0, 45) + round * 3_600_000).toISOString(),
      reason: null,
    });
    // Ten at once for the same provider, room and patient, fifty times; on Postgres some used to deadlock (40P01).
    for (let round = 0; round < 50; round++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => repo.appointments.insert(handle.db, booking(round))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const refused of results.filter((r) => !r.ok)) {
        expect(['provider', 'room', 'patient']).toContain(refused.conflict);
      }
    }
  });

  it('refuses a patient booked with two providers at once, and a room booked twice', async () => {
    const [room] = await repo.rooms.insertMany(handle.db, clinicId, ['Room A'], now);
    const p2 = (
      await repo.patients.insert(handle.db, {
        clinicId,
        firstName: 'Cy',
        lastName: 'Nguyen',
        dateOfBirth: '1970-05-05',
      })
    ).id;
    const p3 = (
      await repo.patients.insert(handle.db, {
        clinicId,
        firstName: 'Di',
        lastName: 'Olsen',
        dateOfBirth: '1971-06-06',
      })
    ).id;
    expect(
      (
        await repo.appointments.insert(handle.db, {
          clinicId,
          patientId: p2,
          providerId,
          roomId: room!.id,
          startsAt: at(16),
          endsAt: at(16, 30),
          reason: null,
        })
      ).ok,
    ).toBe(true);
    expect(
      await repo.appointments.insert(handle.db, {
        clinicId,
        patientId: p2,
        providerId: otherProviderId,
        roomId: null,
        startsAt: at(16, 10),
        endsAt: at(16, 20),
        reason: null,
      }),
    ).toEqual({ ok: false, conflict: 'patient' });
    expect(
      await repo.appointments.insert(handle.db, {
        clinicId,
        patientId: p3,
        providerId: otherProviderId,
        roomId: room!.id,
        startsAt: at(16, 20),
        endsAt: at(16, 40),
        reason: null,
      }),
    ).toEqual({ ok: false, conflict: 'room' });
  });

  it('gives every event the next seq and links display-visible ones by prev', async () => {
    const before = await repo.events.latestSeqs(handle.db, clinicId);
    const visit = await repo.visits.insert(handle.db, {
      clinicId,
      day: '2026-11-29',
      appointmentId: null,
      patientId,
      providerId,
      scheduledAt: null,
      reason: 'Knee pain',
      status: 'booked',
      now,
    });
    const stored = await handle.db.transaction((tx) =>
      repo.events.append(tx, {
        clinicId,
        at: now,
        commandId: null,
        events: [
          { event: { type: 'VisitBooked', payload: { visit } }, displayVisible: false },
          { event: { type: 'VisitCheckedIn', payload: { visit } }, displayVisible: true },
          { event: { type: 'VisitCheckedIn', payload: { visit } }, displayVisible: true },
        ],
      }),
    );
    expect(stored.map((e) => e.seq)).toEqual([before.lastSeq + 1, before.lastSeq + 2, before.lastSeq + 3]);
    expect(stored.map((e) => e.displayPrev)).toEqual([null, before.lastDisplaySeq, before.lastSeq + 2]);
    const forDisplay = await repo.events.listAfter(handle.db, {
      clinicId,
      afterSeq: before.lastSeq,
      displayOnly: true,
      limit: 10,
    });
    expect(forDisplay.map((e) => e.seq)).toEqual([before.lastSeq + 2, before.lastSeq + 3]);
    expect(forDisplay[0]!.event).toEqual({ type: 'VisitCheckedIn', payload: { visit } });
  });

  it('refuses a stale visit or room edit and keeps the newer one', async () => {
    const visit = await repo.visits.insert(handle.db, {
      clinicId,
      day: '2026-11-29',
      appointmentId: null,
      patientId,
      providerId,
      scheduledAt: null,
      reason: null,
      status: 'booked',
      now,
    });
    expect(await repo.visits.save(handle.db, { ...visit, status: 'arrived', version: 1 }, 0)).toBe(true);
    expect(await repo.visits.save(handle.db, { ...visit, status: 'no_show', version: 1 }, 0)).toBe(false);
    expect((await repo.visits.get(handle.db, clinicId, visit.id))!.status).toBe('arrived');
    const [room] = await repo.rooms.list(handle.db, clinicId);
    expect(
      await repo.rooms.save(
        handle.db,
        { ...room!, status: 'out_of_service', version: room!.version + 1 },
        room!.version,
      ),
    ).toBe(true);
    expect(
      await repo.rooms.save(
        handle.db,
        { ...room!, status: 'needs_cleaning', version: room!.version + 1 },
        room!.version,
      ),
    ).toBe(false);
  });

  it('keeps ticket codes unique per clinic-day', async () => {
    const day = clinicDay(now, 'America/New_York');
    const a = await repo.visits.insert(handle.db, {
      clinicId,
      day,
      appointmentId: null,
      patientId,
      providerId,
      scheduledAt: null,
      reason: null,
      status: 'arrived',
      now,
    });
    const b = await repo.visits.insert(handle.db, {
      clinicId,
      day,
      appointmentId: null,
      patientId,
      providerId,
      scheduledAt: null,
      reason: null,
      status: 'arrived',
      now,
    });
    await repo.visits.assignTicket(handle.db, { visitId: a.id, number: 7, code: 'A-007' });
    expect(
      await violatedBy(
        repo.visits.assignTicket(handle.db, { visitId: b.id, number: 7, code: 'A-007' }),
        'visits_clinic_day_ticket_key',
      ),
    ).toBe(true);
    // The same code on another day is a different ticket.
    const c = await repo.visits.insert(handle.db, {
      clinicId,
      day: '2026-11-30',
      appointmentId: null,
      patientId,
      providerId,
      scheduledAt: null,
      reason: null,
      status: 'arrived',
      now,
    });
    await repo.visits.assignTicket(handle.db, { visitId: c.id, number: 7, code: 'A-007' });
  });

  it('finds today’s visit by last name in any case and date of birth, and nothing for a wrong date', async () => {
    const found = await repo.visits.findByPatient(handle.db, {
      clinicId,
      day: '2026-11-29',
      lastName: '  qUINTERO ',
      dateOfBirth: '1985-03-27',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.patient.firstName === 'Ana')).toBe(true);
    expect(
      await repo.visits.findByPatient(handle.db, {
        clinicId,
        day: '2026-11-29',
        lastName: 'Quintero',
        dateOfBirth: '1985-03-28',
      }),
    ).toEqual([]);
  });

  it('finds a patient whose name has accents when the kiosk types it without, or in another Unicode form', async () => {
    const nguyen = await repo.patients.insert(handle.db, {
      clinicId,
      firstName: 'Hằng',
      lastName: 'Nguyễn',
      dateOfBirth: '1979-09-02',
    });
    await repo.visits.insert(handle.db, {
      clinicId,
      day: '2026-11-29',
      appointmentId: null,
      patientId: nguyen.id,
      providerId,
      scheduledAt: null,
      reason: null,
      status: 'booked',
      now,
    });
    const find = (lastName: string) =>
      repo.visits.findByPatient(handle.db, {
        clinicId,
        day: '2026-11-29',
        lastName,
        dateOfBirth: '1979-09-02',
      });
    for (const typed of ['Nguyen', 'NGUYEN', 'Nguyễn'.normalize('NFD'), ' nguyễn '])
      expect(
        (await find(typed)).map((v) => v.patient.firstName),
        typed,
      ).toEqual(['Hằng']);
    expect(await find('Nguy')).toEqual([]);
  });

  it('stores a command result once; the same id cannot be recorded twice', async () => {
    const commandId = crypto.randomUUID();
    expect(await repo.commands.findResult(handle.db, commandId)).toBeNull();
    await repo.commands.record(handle.db, {
      commandId,
      clinicId,
      type: 'CheckInPatient',
      actor: { kind: 'system' },
      result: { ok: true, seq: 3 },
    });
    expect(await repo.commands.findResult(handle.db, commandId)).toEqual({ ok: true, seq: 3 });
    expect(
      await violatedBy(
        repo.commands.record(handle.db, {
          commandId,
          clinicId,
          type: 'CheckInPatient',
          actor: { kind: 'system' },
          result: { ok: true, seq: 4 },
        }),
        'commands_pkey',
      ),
    ).toBe(true);
  });

  it('detects a modified audit row', async () => {
    for (const action of ['read', 'update', 'read']) {
      await repo.auditLog.append(handle.db, {
        clinicId,
        at: now,
        actor: { kind: 'system' },
        action,
        entityType: 'visit',
        entityId: '1',
        origin: '127.0.0.1',
      });
    }
    expect(await repo.auditLog.verifyChain(handle.db, clinicId)).toEqual({ rows: 3, brokenAt: null });
    const [second] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.clinicId, clinicId))
      .orderBy(auditLog.id)
      .offset(1)
      .limit(1);
    await handle.db.update(auditLog).set({ action: 'delete' }).where(eq(auditLog.id, second!.id));
    expect((await repo.auditLog.verifyChain(handle.db, clinicId)).brokenAt).toBe(second!.id);
  });

  it('has the btree_gist extension and named constraints', async () => {
    // Both drivers (PGlite, node-postgres) answer raw queries with { rows }.
    const { rows } = (await handle.db.execute(
      sql`select conname from pg_constraint where conname like 'appointments_%_no_overlap'`,
    )) as unknown as { rows: { conname: string }[] };
    expect(rows.map((r) => r.conname).sort()).toEqual([
      'appointments_equipment_no_overlap',
      'appointments_patient_no_overlap',
      'appointments_provider_no_overlap',
      'appointments_room_no_overlap',
    ]);
  });
});
