export { default as StatusChip } from './StatusChip.svelte';
export { default as StatusIcon } from './StatusIcon.svelte';
export { default as ConnectionBadge } from './ConnectionBadge.svelte';
export { default as PairingScreen } from './PairingScreen.svelte';
export { default as PairingGate } from './PairingGate.svelte';
export type {
  PairableDevice,
  PairedScreen,
  PairingAuthError,
  PairingLabels,
  PairingState,
} from './pairing-gate';
export type { ConnectionBadgeMessages, ConnectionBadgeStatus } from './ConnectionBadge.svelte';
export {
  roomStatusInfo,
  statusIconPaths,
  statusInfo,
  visitStatusInfo,
  type StatusIcon as StatusIconName,
  type StatusInfo,
  type StatusRef,
  type StatusTone,
} from './status-vocabulary';
