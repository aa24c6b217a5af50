export {
  connectView,
  RealtimeView,
  type CommandInput,
  type ConnectionStatus,
  type ConnectViewOptions,
  type ServerNotice,
} from './realtime-view.svelte';
export {
  EventSequencer,
  clockOffsetMs,
  type Reducer,
  type SequencerOutcome,
  type SyncInput,
} from './event-sequencer';
export { afterConnectError, afterDisconnect, asAuthError, type AuthError } from './connection-policy';
export {
  DevicePairingMachine,
  formatPairingCode,
  type DeviceStore,
  type DevicePairingOptions,
  type PairedClinic,
  type PairingProblem,
  type PairingSnapshot,
} from './device-pairing';
export { DevicePairing, type DevicePairingInit } from './device-pairing.svelte';
export { newCommandId } from './command-id';
export { ServerClock } from './server-clock.svelte';
