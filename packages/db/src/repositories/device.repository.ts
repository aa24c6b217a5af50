import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { DeviceType, DisplayConfig } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type DeviceRow = {
  id: string;
  clinicId: string;
  name: string;
  type: DeviceType;
  location: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  config: DisplayConfig | null;
};

const toDevice = (row: typeof t.devices.$inferSelect): DeviceRow => ({
  id: row.id,
  clinicId: row.clinicId,
  name: row.name,
  type: row.type,
  location: row.location ?? '',
  createdAt: row.createdAt.toISOString(),
  lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  config: row.config,
});

async function insertPairingRequest(
  db: Db,
  input: {
    clinicId: string;
    code: string;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    origin: string | null;
  },
): Promise<void> {
  // Expired requests are of no use to anyone; clear them as new ones arrive.
  await db.delete(t.pairingRequests).where(lt(t.pairingRequests.expiresAt, input.now));
  await db.insert(t.pairingRequests).values({
    clinicId: input.clinicId,
    code: input.code,
    tokenHash: input.tokenHash,
    createdAt: input.now,
    expiresAt: input.expiresAt,
    origin: input.origin,
  });
}

async function findPendingPairing(
  db: Db,
  input: { clinicId: string; now: Date } & ({ code: string } | { tokenHash: string }),
) {
  const match =
    'code' in input
      ? eq(t.pairingRequests.code, input.code)
      : eq(t.pairingRequests.tokenHash, input.tokenHash);
  const [row] = await db
    .select()
    .from(t.pairingRequests)
    .where(
      and(eq(t.pairingRequests.clinicId, input.clinicId), match, gt(t.pairingRequests.expiresAt, input.now)),
    );
  return row ?? null;
}

async function deletePairingRequest(db: Db, clinicId: string, id: string): Promise<void> {
  await db
    .delete(t.pairingRequests)
    .where(and(eq(t.pairingRequests.clinicId, clinicId), eq(t.pairingRequests.id, id)));
}

async function insertDevice(
  db: Db,
  input: {
    clinicId: string;
    name: string;
    type: DeviceType;
    location: string;
    tokenHash: string;
    now: Date;
    config: DisplayConfig | null;
  },
): Promise<DeviceRow> {
  const [row] = await db
    .insert(t.devices)
    .values({ ...input, createdAt: input.now })
    .returning();
  return toDevice(row!);
}

/** The active (not revoked) device holding this token. */
async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(t.devices)
    .where(and(eq(t.devices.tokenHash, tokenHash), isNull(t.devices.revokedAt)));
  return row ? toDevice(row) : null;
}

async function getDevice(db: Db, clinicId: string, id: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(t.devices)
    .where(and(eq(t.devices.clinicId, clinicId), eq(t.devices.id, id)));
  return row ? toDevice(row) : null;
}

async function listDevices(db: Db, clinicId: string): Promise<DeviceRow[]> {
  const rows = await db
    .select()
    .from(t.devices)
    .where(eq(t.devices.clinicId, clinicId))
    .orderBy(asc(t.devices.name));
  return rows.map(toDevice);
}

async function touchDevice(db: Db, clinicId: string, id: string, now: Date): Promise<void> {
  await db
    .update(t.devices)
    .set({ lastSeenAt: now })
    .where(and(eq(t.devices.clinicId, clinicId), eq(t.devices.id, id)));
}

/** Revoking drops the token hash too, so the token can never authenticate again. */
async function revokeDevice(db: Db, clinicId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(t.devices)
    .set({ revokedAt: now, tokenHash: null })
    .where(and(eq(t.devices.clinicId, clinicId), eq(t.devices.id, id), isNull(t.devices.revokedAt)))
    .returning({ id: t.devices.id });
  return rows.length === 1;
}

async function updateDevice(
  db: Db,
  input: {
    clinicId: string;
    id: string;
    name?: string | undefined;
    location?: string | undefined;
    config?: DisplayConfig | undefined;
  },
): Promise<DeviceRow | null> {
  const { clinicId, id, ...changes } = input;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const [row] = await db
    .update(t.devices)
    .set(set)
    .where(and(eq(t.devices.clinicId, clinicId), eq(t.devices.id, id)))
    .returning();
  return row ? toDevice(row) : null;
}

export const pairingRequests = {
  insert: insertPairingRequest,
  findPending: findPendingPairing,
  delete: deletePairingRequest,
};

export const devices = {
  insert: insertDevice,
  findByTokenHash: findDeviceByTokenHash,
  get: getDevice,
  list: listDevices,
  touch: touchDevice,
  revoke: revokeDevice,
  update: updateDevice,
};
