import type { DeviceType } from '@clinicflow/domain';

/** What the gate needs to know about a paired device. */
export type PairableDevice = { id: string; name: string; type: DeviceType };

export type PairingAuthError = 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * A device's pairing as the gate reads it: realtime-client's DevicePairing has this shape (ui does not import
 * realtime-client; the app passes its DevicePairing in and the compiler checks the fit).
 */
export type PairingState<Device extends PairableDevice> = {
  readonly device: Device | null;
  /** `ABC-123` while waiting for an admin; null otherwise. */
  readonly code: string | null;
  readonly minutesLeft: number | null;
  readonly problem: 'offline' | 'rate_limited' | null;
  /** Read on every (re)connect. */
  readonly token: () => string | null;
  wrongType(accepts: (type: DeviceType) => boolean): boolean;
  /** The server refused or revoked the token. */
  refused(error: PairingAuthError): void;
  start(): void;
  stop(): void;
};

/** What the paired screen is given. */
export type PairedScreen<Device extends PairableDevice> = {
  device: Device;
  /** For connectView's deviceToken. */
  deviceToken: () => string | null;
  /** Call with the socket's authError: revoked or refused sends the screen back to pairing. */
  onAuthError: (error: PairingAuthError) => void;
};

/** Each app's own words (the kiosk's and the wallboard's differ). */
export type PairingLabels = {
  title: string;
  instructions: string;
  waiting: string;
  expiresIn: (minutes: number) => string;
  offline: string;
  rateLimited: string;
  wrongTypeTitle: string;
  wrongType: (deviceName: string) => string;
};
