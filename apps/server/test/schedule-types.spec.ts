import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CommandResult, CommandType, FindSlotResult, ScheduleDay } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import { api, signIn, snapshotOf, startTestServer, type TestServer } from './harness';

const uuid = () => crypto.randomUUID();
// The test clock reads 09:00 in New York on 2026-11-30; the next day's book is empty.
const tomorrow = '2026-12-01';
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2026, 11, 1, h + 5, m)).toISOString(); // EST = UTC−5
};

describe.each(testBackends)('appointment types, buffers, overbooking, blocks and holds on %s', (backend) => {
  let server: TestServer;
  const cookies: Record<string, string> = {};
  let visits: Visit[];
  let book: ScheduleDay;

  const send = async <T extends CommandType>(who: string, command: { type: T } & Record<string, unknown>) =>
    (
      await api(server, 'POST', '/api/commands', {
        cookie: cookies[who]!,
        body: { commandId: uuid(), ...command },
      })
    ).body as CommandResult<T>;
  const day = async (d = tomorrow) =>
    (await api(server, 'GET', `/api/schedule?day=${d}`, { cookie: cookies.frontdesk! })).body as ScheduleDay;
  const room = (name: string) => book.rooms.find((r) => r.name === name)!.id;
  const type = (name: string) => book.appointmentTypes.find((t) => t.name === name)!;
  const patient = (k: number) => visits[k]!.patientId;
  const provider = (k: number) => book.providers[k]!.id;

  beforeAll(async () => {
    server = await startTestServer(backend, { lateCheckMs: 100 });
    for (const who of ['admin', 'coordinator', 'frontdesk']) cookies[who] = await signIn(server, who);
    visits = Object.values(
      (await snapshotOf(server, { view: 'flowBoard', cookie: cookies.frontdesk })).visits,
    );
    book = await day();
  });
  afterAll(() => server?.close());

  it('the demo clinic has types, room features and a portable ultrasound; only an admin edits types', async () => {
    expect(type('ECG check')).toMatchObject({ durationMinutes: 30, roomFeatures: ['ecg'], active: true });
    expect(book.roomFeatures[room('Room 1')]).toContain('ecg');
    expect(book.equipment.find((e) => e.kind === 'ultrasound')).toMatchObject({ roomId: null });
    const fields = {
      name: 'Stress test',
      durationMinutes: 20,
      bufferAfterMinutes: 10,
      roomFeatures: ['ecg'],
    };
    expect(await send('frontdesk', { type: 'CreateAppointmentType', ...fields })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const created = await send('admin', { type: 'CreateAppointmentType', ...fields });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await send('admin', { type: 'CreateAppointmentType', ...fields })).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'name' }],
    });
    const id = created.result.appointmentTypeId;
    expect(
      await send('admin', {
        type: 'UpdateAppointmentType',
        appointmentTypeId: id,
        version: 0,
        ...fields,
        durationMinutes: 25,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await send('admin', { type: 'RetireAppointmentType', appointmentTypeId: id, version: 1 }),
    ).toMatchObject({
      ok: true,
    });
    const retired = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(0),
      providerId: provider(0),
      roomId: room('Room 1'),
      appointmentTypeId: id,
      startsAt: at('08:00'),
    });
    expect(retired).toMatchObject({ ok: false, code: 'INVALID', issues: [{ path: 'appointmentTypeId' }] });
    expect((await day()).appointmentTypes.find((t) => t.id === id)).toMatchObject({
      active: false,
      durationMinutes: 25,
    });
  });

  it('a type gives the length and buffers; a room without the feature or working equipment is refused', async () => {
    const ecg = type('ECG check');
    const ok = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(0),
      providerId: provider(0),
      roomId: room('Room 1'),
      appointmentTypeId: ecg.id,
      startsAt: at('10:00'),
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect((await day()).appointments.find((a) => a.id === ok.result.appointmentId)).toMatchObject({
      endsAt: at('10:30'),
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
      appointmentTypeId: ecg.id,
    });
    const inRoom3 = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(1),
      providerId: provider(1),
      roomId: room('Room 3'),
      appointmentTypeId: ecg.id,
      startsAt: at('11:00'),
    });
    expect(inRoom3).toMatchObject({
      code: 'INVALID',
      message: 'Room 3 lacks ECG.',
      issues: [{ path: 'roomId' }],
    });

    const machine = book.equipment.find((e) => e.name === 'ECG machine')!;
    const broken = await send('frontdesk', {
      type: 'SetEquipmentStatus',
      equipmentId: machine.id,
      status: 'out_of_service',
      version: machine.version,
    });
    expect(broken.ok).toBe(true);
    const noMachine = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(1),
      providerId: provider(1),
      roomId: room('Room 1'),
      appointmentTypeId: ecg.id,
      startsAt: at('13:00'),
    });
    expect(noMachine).toMatchObject({
      code: 'INVALID',
      message: 'The ECG machine in Room 1 is out of service.',
    });
    await send('frontdesk', {
      type: 'SetEquipmentStatus',
      equipmentId: machine.id,
      status: 'in_service',
      version: machine.version + 1,
    });
  });

  it('a cleanup buffer keeps the room busy: a clash inside it is refused with free times after it', async () => {
    // Room 1 holds the ECG check 10:00–10:30, busy 09:55–10:40.
    const during = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(2),
      providerId: provider(2),
      roomId: room('Room 1'),
      startsAt: at('10:30'),
      endsAt: at('10:45'),
    });
    expect(during).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'Room 1 is already booked 10:00–10:30 (busy 09:55–10:40 with preparation and cleanup).',
    });
    if (during.ok) return;
    expect(during.suggestions?.[0]).toEqual({ startsAt: at('10:45'), endsAt: at('11:00') });
    for (const s of during.suggestions!)
      expect(s.startsAt >= at('10:40') || s.endsAt <= at('09:55')).toBe(true);
    const free = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(2),
      providerId: provider(2),
      roomId: room('Room 1'),
      ...during.suggestions![0]!,
    });
    expect(free.ok).toBe(true);
  });

  it('a portable item is needed where the room has none, and the database refuses it twice at once', async () => {
    const scan = type('Abdominal ultrasound');
    const ultrasound = book.equipment.find((e) => e.kind === 'ultrasound')!;
    const base = { type: 'BookAppointment' as const, appointmentTypeId: scan.id, startsAt: at('15:00') };
    const without = await send('frontdesk', {
      ...base,
      patientId: patient(3),
      providerId: provider(3),
      roomId: room('Room 2'),
    });
    expect(without).toMatchObject({
      code: 'INVALID',
      message: 'Abdominal ultrasound needs a working ultrasound in Room 2 or booked with it.',
    });
    const first = await send('frontdesk', {
      ...base,
      patientId: patient(3),
      providerId: provider(3),
      roomId: room('Room 2'),
      equipmentId: ultrasound.id,
    });
    expect(first.ok).toBe(true);
    const twice = await send('frontdesk', {
      ...base,
      startsAt: at('15:35'),
      patientId: patient(4),
      providerId: provider(0),
      roomId: room('Room 5'),
      equipmentId: ultrasound.id,
    });
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      message:
        'The Portable ultrasound is already booked 15:00–15:30 (busy 15:00–15:40 with preparation and cleanup).',
    });
  });

  it('overbooking: only an admin, only where the clinic allows it, with the reason in the event and the audit', async () => {
    const clashing = {
      type: 'OverbookAppointment' as const,
      patientId: patient(5),
      providerId: provider(0),
      startsAt: at('10:00'),
      endsAt: at('10:15'),
      overbookReason: 'Urgent chest pain, Dr. will squeeze in',
    };
    expect(await send('frontdesk', clashing)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await send('admin', clashing)).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'This clinic does not allow overbooking.',
    });
    expect(await send('admin', { ...clashing, overbookReason: ' ' })).toMatchObject({ code: 'VALIDATION' });
    expect((await send('admin', { type: 'SetSchedulingRules', allowOverbooking: true })).ok).toBe(true);
    const overbooked = await send('admin', clashing);
    if (!overbooked.ok) throw new Error(JSON.stringify(overbooked));
    const events = await repo.events.listAfter(server.database.db, {
      clinicId: server.clinic.id,
      afterSeq: overbooked.seq - 1,
      displayOnly: false,
      limit: 5,
    });
    expect(events[0]!.event).toMatchObject({
      type: 'VisitBooked',
      payload: { overbookReason: clashing.overbookReason },
    });
    const audit = await api(server, 'GET', '/api/audit?action=OverbookAppointment', {
      cookie: cookies.admin!,
    });
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'OverbookAppointment',
        entityId: overbooked.result.appointmentId,
        actor: expect.stringMatching(/^staff:/),
        reason: clashing.overbookReason,
      }),
    ]);
    // The reason is part of the row's hash: the chain still verifies, and editing it would break it.
    expect((await api(server, 'GET', '/api/audit/verify', { cookie: cookies.admin! })).body).toMatchObject({
      brokenAt: null,
    });
    expect((await day()).appointments.find((a) => a.id === overbooked.result.appointmentId)).toMatchObject({
      overbookReason: clashing.overbookReason,
    });
  });

  it('a room block keeps visits out of the room until removed, and shows in the day', async () => {
    const blocked = await send('frontdesk', {
      type: 'BlockRoom',
      roomId: room('Room 4'),
      startsAt: at('12:00'),
      endsAt: at('12:30'),
      label: 'Deep cleaning',
    });
    if (!blocked.ok) throw new Error(JSON.stringify(blocked));
    expect((await day()).reservations).toContainEqual(
      expect.objectContaining({ id: blocked.result.blockId, kind: 'block', label: 'Deep cleaning' }),
    );
    const visit = {
      type: 'BookAppointment' as const,
      patientId: patient(6),
      providerId: provider(1),
      roomId: room('Room 4'),
      startsAt: at('12:15'),
      endsAt: at('12:45'),
    };
    expect(await send('frontdesk', visit)).toMatchObject({
      code: 'CONFLICT',
      message: 'Room 4 is blocked 12:00–12:30 (Deep cleaning).',
    });
    expect((await send('frontdesk', { type: 'UnblockRoom', blockId: blocked.result.blockId })).ok).toBe(true);
    expect((await send('frontdesk', visit)).ok).toBe(true);
  });

  it('a hold keeps the slot from another coordinator, turns into the holder’s booking, and expires by itself', async () => {
    const slot = { providerId: provider(2), startsAt: at('14:00'), endsAt: at('14:30') };
    const hold = await send('coordinator', { type: 'HoldSlot', ...slot, minutes: 5 });
    if (!hold.ok) throw new Error(JSON.stringify(hold));
    const other = { type: 'BookAppointment' as const, patientId: patient(7), ...slot };
    expect(await send('frontdesk', other)).toMatchObject({
      code: 'CONFLICT',
      message: `${book.providers[2]!.name} is held 14:00–14:30 by another coordinator.`,
    });
    expect(await send('frontdesk', { ...other, holdId: hold.result.holdId })).toMatchObject({
      code: 'INVALID',
      issues: [{ path: 'holdId' }],
    });
    expect((await day()).reservations.find((r) => r.id === hold.result.holdId)).toMatchObject({
      kind: 'hold',
      heldByName: expect.stringMatching(/\S/),
      expiresAt: hold.result.expiresAt,
    });
    const converted = await send('coordinator', { ...other, holdId: hold.result.holdId });
    expect(converted.ok).toBe(true);
    expect((await day()).reservations.find((r) => r.id === hold.result.holdId)).toBeUndefined();

    const later = { providerId: provider(2), startsAt: at('16:00'), endsAt: at('16:30') };
    const second = await send('coordinator', { type: 'HoldSlot', ...later, minutes: 5 });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect((await send('frontdesk', { ...other, ...later })).ok).toBe(false);
    server.clock.advance(6);
    // The sweep (every 100 ms here) releases it with an event; the booking would not have waited for it anyway.
    await expect
      .poll(async () => (await day()).reservations.some((r) => r.id === second.result.holdId), {
        timeout: 5000,
      })
      .toBe(false);
    expect((await send('frontdesk', { ...other, ...later })).ok).toBe(true);
    const swept = async () =>
      (
        await repo.events.listAfter(server.database.db, {
          clinicId: server.clinic.id,
          afterSeq: second.seq,
          displayOnly: false,
          limit: 50,
        })
      ).some((e) => e.event.type === 'ReservationsRemoved' && e.event.payload.why === 'expired');
    await expect.poll(swept, { timeout: 5000 }).toBe(true);
  });

  it('finds the next free slot for a type, and says why a time is not offered (staff only)', async () => {
    const ecg = type('ECG check');
    const q = (params: Record<string, string>) =>
      api(server, 'GET', `/api/schedule/find-slot?${new URLSearchParams(params)}`, {
        cookie: cookies.frontdesk!,
      });
    // Dr. 0 has the ECG check in Room 1 tomorrow 10:00–10:30 (busy 09:55–10:40) and an overbooked 10:00–10:15.
    const found = await q({
      appointmentTypeId: ecg.id,
      providerId: provider(0),
      minNoticeMinutes: '1440',
      count: '20',
    });
    expect(found.status).toBe(200);
    const { slots } = found.body as FindSlotResult;
    // The hold test moved the clock to 09:06: a day's notice starts at 09:06 tomorrow.
    expect(slots[0]).toMatchObject({ startsAt: at('09:15'), roomId: room('Room 1') });
    expect(slots.every((s) => s.roomId === room('Room 1'))).toBe(true);
    expect(slots.some((s) => s.startsAt > at('09:15') && s.startsAt < at('10:45'))).toBe(false);
    const why = await q({
      appointmentTypeId: ecg.id,
      providerId: provider(0),
      roomId: room('Room 3'),
      at: at('10:00'),
    });
    expect((why.body as FindSlotResult).whyNot).toEqual([
      'Room 3 lacks ECG.',
      `${book.providers[0]!.name} is booked 10:00–10:30.`,
    ]);
    expect((await q({ at: at('07:00'), durationMinutes: '30', providerId: provider(1) })).body).toMatchObject(
      {
        whyNot: [`It is outside ${book.providers[1]!.name}’s working hours.`],
      },
    );
    expect((await q({ providerId: provider(1) })).status).toBe(400);

    // Rostered hours replace opening hours: this provider works Tuesdays 13:00–15:00 only.
    const people = await repo.roster.people(server.database.db, server.clinic.id);
    const rostered = people.find((p) => p.providerId === provider(1))!;
    const pattern = { type: 'SetWorkingPattern' as const, staffId: rostered.id };
    const sessions = [{ weekday: 2, start: '13:00', end: '15:00' }];
    expect(await send('coordinator', { ...pattern, sessions })).toMatchObject({ ok: true });
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const rosteredSlots = (
      (await q({ durationMinutes: '30', providerId: provider(1), count: '20' })).body as FindSlotResult
    ).slots;
    expect(rosteredSlots.length).toBe(20);
    for (const slot of rosteredSlots) {
      expect(local.format(new Date(slot.startsAt))).toMatch(/^Tue (13|14):/);
      expect(local.format(new Date(slot.endsAt))).toMatch(/^Tue (13:|14:|15:00)/);
    }
    expect((await q({ at: at('10:00'), durationMinutes: '30', providerId: provider(1) })).body).toMatchObject(
      {
        whyNot: [`It is outside ${book.providers[1]!.name}’s working hours.`],
      },
    );
    const anon = await api(server, 'GET', '/api/schedule/find-slot?durationMinutes=30');
    expect(anon.status).toBe(401);
  });

  it('a link to an appointment finds its day, provider and room', async () => {
    // An evening session, so that a booking inside the provider's hours falls on the next day in UTC.
    const people = await repo.roster.people(server.database.db, server.clinic.id);
    const evening = await send('coordinator', {
      type: 'AddRosterException',
      staffId: people.find((p) => p.providerId === provider(0))!.id,
      kind: 'extra',
      fromDay: tomorrow,
      toDay: tomorrow,
      start: '19:00',
      end: '23:59',
      note: 'Evening clinic',
    });
    expect(evening).toMatchObject({ ok: true });
    const booked = await send('frontdesk', {
      type: 'BookAppointment',
      patientId: patient(8),
      providerId: provider(0),
      roomId: room('Room 2'),
      // 23:30 in New York is the next day in UTC: the day is the clinic's.
      startsAt: at('23:30'),
      endsAt: at('23:45'),
    });
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const place = await api(server, 'GET', `/api/schedule/appointments/${booked.result.appointmentId}`, {
      cookie: cookies.frontdesk!,
    });
    expect(place.body).toEqual({
      appointmentId: booked.result.appointmentId,
      day: tomorrow,
      providerId: provider(0),
      roomId: room('Room 2'),
    });
    const missing = await api(server, 'GET', `/api/schedule/appointments/${uuid()}`, {
      cookie: cookies.frontdesk!,
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
