import { describe, expect, it } from 'vitest';
import { displayLiveness, lastLiveAt } from './liveness';

describe('displayLiveness', () => {
  it('follows the socket when it is not live', () => {
    expect(displayLiveness({ socket: 'offline', probeFailures: 0 })).toBe('offline');
    expect(displayLiveness({ socket: 'connecting', probeFailures: 5 })).toBe('connecting');
  });
  it('is not live after two failed probes even while the socket still thinks it is', () => {
    expect(displayLiveness({ socket: 'live', probeFailures: 1 })).toBe('live');
    expect(displayLiveness({ socket: 'live', probeFailures: 2 })).toBe('offline');
  });
});

describe('lastLiveAt', () => {
  it('takes the later of the two', () => {
    expect(lastLiveAt(null, null)).toBeNull();
    expect(lastLiveAt(new Date(1000), null)?.getTime()).toBe(1000);
    expect(lastLiveAt(new Date(1000), 5000)?.getTime()).toBe(5000);
    expect(lastLiveAt(new Date(9000), 5000)?.getTime()).toBe(9000);
  });
});
