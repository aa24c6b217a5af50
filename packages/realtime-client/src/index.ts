export {
  connectView,
  RealtimeView,
  type CommandInput,
  type ConnectionStatus,
  type ConnectViewOptions,
} from './realtime-view.svelte';
export {
  EventSequencer,
  clockOffsetMs,
  type Reducer,
  type SequencerOutcome,
  type SyncInput,
} from './event-sequencer';
export { newCommandId } from './command-id';
export { ServerClock } from './server-clock.svelte';
