import {
  findSlots,
  noBuffers,
  roomFitProblem,
  whyNotOffered,
  type AppointmentType,
} from '@clinicflow/domain';
import { findSlotQuerySchema, type FindSlotResult } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import type { Router } from '../../http/route';
import { providerWindows } from './availability';

const DAY = 24 * 60 * 60_000;

/**
 * The next free slots for the console: a type (length, buffers, rooms that fit) and/or a provider and/or a room,
 * over a horizon, inside each provider's rostered working hours (or the clinic's opening hours while none are
 * rostered), after the minimum notice. Times and provider names only: no patient data, so nothing to audit.
 */
export function registerFindSlotRoute({
  route,
  ctx,
  invalid,
}: Pick<Router, 'route' | 'ctx' | 'invalid'>): void {
  route('findSlot', async (req, reply): Promise<FindSlotResult | unknown> => {
    const parsed = findSlotQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    const q = parsed.data;
    const { clinicId } = ctx;
    const clinic = (await repo.clinics.get(ctx.db, clinicId))!;
    const now = ctx.clock.now();
    let type: AppointmentType | null = null;
    if (q.appointmentTypeId) {
      type = await repo.appointmentTypes.get(ctx.db, clinicId, q.appointmentTypeId);
      if (!type?.active)
        return reply.code(404).send({ ok: false, code: 'NOT_FOUND', message: 'No such appointment type.' });
    }
    const providers = await repo.providers.list(ctx.db, clinicId);
    const rooms = await repo.rooms.list(ctx.db, clinicId);
    const asked = q.providerId ? providers.filter((p) => p.id === q.providerId) : providers;
    if (!asked.length || (q.roomId && !rooms.some((r) => r.id === q.roomId)))
      return reply.code(404).send({ ok: false, code: 'NOT_FOUND', message: 'No such provider or room.' });
    const features = await repo.rooms.features(ctx.db, clinicId);
    const equipment = await repo.equipment.list(ctx.db, clinicId);
    const fit = (roomId: string) => {
      const room = rooms.find((r) => r.id === roomId)!;
      if (room.status === 'out_of_service') return `${room.name} is out of service.`;
      return type
        ? roomFitProblem({ type, room: { ...room, features: features[room.id] ?? [] }, equipment })
        : null;
    };
    const needsRoom = !!type && (type.roomFeatures.length > 0 || type.equipmentKinds.length > 0);
    const roomIds = q.roomId
      ? fit(q.roomId) === null
        ? [q.roomId]
        : []
      : needsRoom
        ? rooms.filter((r) => fit(r.id) === null).map((r) => r.id)
        : null;
    const windows = Object.fromEntries(
      await Promise.all(
        asked.map(async (p) => [p.id, await providerWindows(ctx.db, clinic, p.id, now, q.days)] as const),
      ),
    );
    const busy = await repo.appointments.listBusy(ctx.db, {
      clinicId,
      from: now.toISOString(),
      to: new Date(now.getTime() + (q.days + 1) * DAY).toISOString(),
      now,
      resources: { providerIds: asked.map((p) => p.id), ...(roomIds?.length ? { roomIds } : {}) },
    });
    const query = {
      durationMinutes: q.durationMinutes ?? type!.durationMinutes,
      buffers: type ?? noBuffers,
      earliest: new Date(now.getTime() + q.minNoticeMinutes * 60_000),
      busy,
    };
    const slots = findSlots({
      ...query,
      providers: asked.map((p) => ({ id: p.id, windows: windows[p.id]! })),
      roomIds,
      count: q.count,
    });
    if (!q.at) return { slots } satisfies FindSlotResult;
    const startsAt = new Date(q.at).toISOString();
    const slot = {
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + query.durationMinutes * 60_000).toISOString(),
    };
    const names = Object.fromEntries([...providers, ...rooms].map((x) => [x.id, x.name]));
    const whyNot = whyNotOffered({
      slot,
      providerId: asked[0]!.id,
      roomId: q.roomId ?? null,
      query: { ...query, windows: windows[asked[0]!.id]! },
      roomProblem: q.roomId ? fit(q.roomId) : null,
      names,
      timezone: clinic.timezone,
    });
    return { slots, whyNot } satisfies FindSlotResult;
  });
}
