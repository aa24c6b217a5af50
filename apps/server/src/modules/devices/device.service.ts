import { defaultDisplayConfig, type Actor, type DeviceType, type DisplayConfig } from '@clinicflow/domain';
import type { DeviceInfo, DeviceStatus, PairingRequest } from '@clinicflow/contracts';
import { type DeviceRow, repo } from '@clinicflow/db';
import { audit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { hashToken, newShortCode, newToken } from '../../platform/tokens';

const pairingLifetimeMs = 15 * 60_000;

export type DeviceActor = Extract<Actor, { kind: 'device' }>;

/** Kiosks and wallboards: pairing by code, long-lived tokens stored hashed, revocation, presence. */
export class DeviceService {
  readonly #ctx: ServiceContext;
  /** Sockets connected per device in this process. NOTE: with several nodes, presence is per node. */
  readonly #online = new Map<string, number>();

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  async requestPairing(origin: string | null): Promise<PairingRequest> {
    const { db, clinicId, clock } = this.#ctx;
    const now = clock.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + pairingLifetimeMs);
    for (let attempt = 0; ; attempt++) {
      const code = newShortCode();
      try {
        await repo.pairingRequests.insert(db, {
          clinicId,
          code,
          tokenHash: hashToken(token),
          now,
          expiresAt,
          origin,
        });
        return { code, token, expiresAt: expiresAt.toISOString() };
      } catch (error) {
        if (attempt >= 3) throw error; // 25^6 codes: a clash twice in a row means something else is wrong
      }
    }
  }

  /** What a device token stands for: a paired device, a pairing still pending, or nothing. */
  async status(token: string | undefined): Promise<DeviceStatus | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const device = await repo.devices.findByTokenHash(this.#ctx.db, tokenHash);
    if (device) {
      const clinic = (await repo.clinics.get(this.#ctx.db, this.#ctx.clinicId))!;
      return {
        state: 'paired',
        device: this.#info(device),
        clinic: { name: clinic.name, timezone: clinic.timezone },
      };
    }
    const pending = await repo.pairingRequests.findPending(this.#ctx.db, {
      clinicId: this.#ctx.clinicId,
      now: this.#ctx.clock.now(),
      tokenHash,
    });
    return pending
      ? { state: 'pending', code: pending.code, expiresAt: pending.expiresAt.toISOString() }
      : null;
  }

  async authenticate(token: string | undefined): Promise<{ actor: DeviceActor; device: DeviceRow } | null> {
    if (!token) return null;
    const device = await repo.devices.findByTokenHash(this.#ctx.db, hashToken(token));
    if (!device || device.clinicId !== this.#ctx.clinicId) return null;
    return { actor: { kind: 'device', id: device.id, type: device.type }, device };
  }

  async pair(input: {
    by: Actor;
    code: string;
    name: string;
    type: DeviceType;
    location: string;
    origin: string | null;
  }): Promise<DeviceInfo | null> {
    const { db, clinicId, clock } = this.#ctx;
    const now = clock.now();
    const device = await db.transaction(async (txDb) => {
      const tx = txDb as typeof db;
      const pending = await repo.pairingRequests.findPending(tx, { clinicId, now, code: input.code });
      if (!pending) return null;
      await repo.pairingRequests.delete(tx, pending.id);
      return repo.devices.insert(tx, {
        clinicId,
        name: input.name,
        type: input.type,
        location: input.location,
        tokenHash: pending.tokenHash,
        now,
        config: input.type === 'kiosk' ? null : defaultDisplayConfig(input.type),
      });
    });
    if (device)
      await audit(this.#ctx, {
        actor: input.by,
        action: 'PairDevice',
        entityType: 'device',
        entityId: device.id,
        origin: input.origin,
      });
    if (device) await this.#ctx.events.emit('devicesChanged', {});
    return device && this.#info(device);
  }

  /** Renames, moves or reconfigures a device; returns it, or null when there is no such device. */
  async update(input: {
    by: Actor;
    id: string;
    origin: string | null;
    changes: { name?: string | undefined; location?: string | undefined; config?: DisplayConfig | undefined };
  }): Promise<DeviceInfo | null> {
    const existing = await repo.devices.get(this.#ctx.db, this.#ctx.clinicId, input.id);
    if (!existing || existing.revokedAt) return null;
    // A kiosk has no display settings.
    const changes = existing.type === 'kiosk' ? { ...input.changes, config: undefined } : input.changes;
    const device = await repo.devices.update(this.#ctx.db, {
      clinicId: this.#ctx.clinicId,
      id: input.id,
      ...changes,
    });
    if (!device) return null;
    await audit(this.#ctx, {
      actor: input.by,
      action: 'UpdateDevice',
      entityType: 'device',
      entityId: device.id,
      origin: input.origin,
    });
    if (device.config) {
      await this.#ctx.events.emit('displayConfigChanged', { deviceId: device.id, config: device.config });
    }
    await this.#ctx.events.emit('devicesChanged', {});
    return this.#info(device);
  }

  async revoke(input: { by: Actor; deviceId: string; origin: string | null }): Promise<boolean> {
    const done = await repo.devices.revoke(this.#ctx.db, input.deviceId, this.#ctx.clock.now());
    if (!done) return false;
    await audit(this.#ctx, {
      actor: input.by,
      action: 'RevokeDevice',
      entityType: 'device',
      entityId: input.deviceId,
      origin: input.origin,
    });
    await this.#ctx.events.emit('deviceRevoked', { deviceId: input.deviceId });
    await this.#ctx.events.emit('devicesChanged', {});
    return true;
  }

  async get(id: string): Promise<DeviceRow | null> {
    return repo.devices.get(this.#ctx.db, this.#ctx.clinicId, id);
  }

  async list(): Promise<DeviceInfo[]> {
    return (await repo.devices.list(this.#ctx.db, this.#ctx.clinicId)).map((d) => this.#info(d));
  }

  /** Counts a device socket in or out; going online or offline changes the device list admins see. */
  // NOTE: the count is per process; many nodes count in the database or the adapter (the scale issue).
  async presence(deviceId: string, change: 1 | -1): Promise<void> {
    const before = this.#online.get(deviceId) ?? 0;
    const after = Math.max(0, before + change);
    if (after === 0) this.#online.delete(deviceId);
    else this.#online.set(deviceId, after);
    await repo.devices.touch(this.#ctx.db, deviceId, this.#ctx.clock.now());
    if ((before === 0) !== (after === 0)) await this.#ctx.events.emit('devicesChanged', {});
  }

  #info(d: DeviceRow): DeviceInfo {
    return {
      id: d.id,
      name: d.name,
      type: d.type,
      location: d.location,
      createdAt: d.createdAt,
      lastSeenAt: d.lastSeenAt,
      online: d.revokedAt === null && (this.#online.get(d.id) ?? 0) > 0,
      revokedAt: d.revokedAt,
      config: d.config,
    };
  }
}
