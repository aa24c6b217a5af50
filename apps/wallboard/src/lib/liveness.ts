import type { ConnectionStatus } from '@clinicflow/realtime-client';

/** Probe failures in a row before the display says it is not live (a single lost probe is not an outage). */
const probeFailuresForOffline = 2;

/**
 * What the display tells the room. The socket notices a closed connection at once; the health probe notices a
 * silent one (a dead network path the socket would only find out about after its ~45 s ping timeout).
 */
export function displayLiveness(input: {
  socket: ConnectionStatus;
  probeFailures: number;
}): ConnectionStatus {
  if (input.socket !== 'live') return input.socket;
  return input.probeFailures >= probeFailuresForOffline ? 'offline' : 'live';
}

/** The last moment the display knew it was live: the later of the socket's own and the last good probe. */
export function lastLiveAt(socketLastLive: Date | null, probeConfirmedMs: number | null): Date | null {
  const socketMs = socketLastLive?.getTime() ?? null;
  if (socketMs === null && probeConfirmedMs === null) return null;
  return new Date(Math.max(socketMs ?? 0, probeConfirmedMs ?? 0));
}
