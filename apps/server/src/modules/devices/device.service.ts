import type { Actor } from '@clinicflow/domain';
import type { DeviceInfo, DeviceStatus, PairingRequest } from '@clinicflow/contracts';
import { type DeviceRow, repo } from '@clinicflow/db';
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
        device: this.info(device),
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

  async get(id: string): Promise<DeviceRow | null> {
    return repo.devices.get(this.#ctx.db, this.#ctx.clinicId, id);
  }

  async list(): Promise<DeviceInfo[]> {
    return (await repo.devices.list(this.#ctx.db, this.#ctx.clinicId)).map((d) => this.info(d));
  }

  /** Counts a device socket in or out; going online or offline changes the device list admins see. */
  // NOTE: the count is per process; many nodes count in the database or the adapter (the scale issue).
  async presence(deviceId: string, change: 1 | -1): Promise<void> {
    const before = this.#online.get(deviceId) ?? 0;
    const after = Math.max(0, before + change);
    if (after === 0) this.#online.delete(deviceId);
    else this.#online.set(deviceId, after);
    await repo.devices.touch(this.#ctx.db, this.#ctx.clinicId, deviceId, this.#ctx.clock.now());
    if ((before === 0) !== (after === 0)) await this.#ctx.events.emit('devicesChanged', {});
  }

  info(d: DeviceRow): DeviceInfo {
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
