import { getContext, setContext } from 'svelte';
import type { RealtimeView } from '@clinicflow/realtime-client';

const key = Symbol('console-live');

/** The console's one realtime connection, owned by the signed-in shell and shared by every page under it. */
export type ConsoleLive = RealtimeView<'flowBoard'>;

export function setLive(live: ConsoleLive): void {
  setContext(key, live);
}

export function getLive(): ConsoleLive {
  const live = getContext<ConsoleLive | undefined>(key);
  if (!live) throw new Error('getLive() outside the signed-in shell');
  return live;
}
