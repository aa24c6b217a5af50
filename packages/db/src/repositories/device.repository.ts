import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { DeviceType, DisplayConfig } from '@clinicflow/domain';
import type { Db } from '../client';
import { devices, pairingRequests } from '../schema';

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

const toDevice = (row: typeof devices.$inferSelect): DeviceRow => ({
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

export async function insertPairingRequest(
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
  await db.delete(pairingRequests).where(lt(pairingRequests.expiresAt, input.now));
  await db.insert(pairingRequests).values({
    clinicId: input.clinicId,
    code: input.code,
    tokenHash: input.tokenHash,
    createdAt: input.now,
    expiresAt: input.expiresAt,
    origin: input.origin,
  });
}

export async function findPendingPairing(
  db: Db,
  input: { clinicId: string; now: Date } & ({ code: string } | { tokenHash: string }),
) {
  const match =
    'code' in input ? eq(pairingRequests.code, input.code) : eq(pairingRequests.tokenHash, input.tokenHash);
  const [row] = await db
    .select()
    .from(pairingRequests)
    .where(
      and(eq(pairingRequests.clinicId, input.clinicId), match, gt(pairingRequests.expiresAt, input.now)),
    );
  return row ?? null;
}

export async function deletePairingRequest(db: Db, id: string): Promise<void> {
  await db.delete(pairingRequests).where(eq(pairingRequests.id, id));
}

export async function insertDevice(
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
    .insert(devices)
    .values({ ...input, createdAt: input.now })
    .returning();
  return toDevice(row!);
}

/** The active (not revoked) device holding this token. */
export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)));
  return row ? toDevice(row) : null;
}

export async function getDevice(db: Db, clinicId: string, id: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.clinicId, clinicId), eq(devices.id, id)));
  return row ? toDevice(row) : null;
}

export async function listDevices(db: Db, clinicId: string): Promise<DeviceRow[]> {
  const rows = await db
    .select()
    .from(devices)
    .where(eq(devices.clinicId, clinicId))
    .orderBy(asc(devices.name));
  return rows.map(toDevice);
}

export async function touchDevice(db: Db, id: string, now: Date): Promise<void> {
  await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, id));
}

/** Revoking drops the token hash too, so the token can never authenticate again. */
export async function revokeDevice(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(devices)
    .set({ revokedAt: now, tokenHash: null })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return rows.length === 1;
}

export async function updateDevice(
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
    .update(devices)
    .set(set)
    .where(and(eq(devices.clinicId, clinicId), eq(devices.id, id)))
    .returning();
  return row ? toDevice(row) : null;
}
